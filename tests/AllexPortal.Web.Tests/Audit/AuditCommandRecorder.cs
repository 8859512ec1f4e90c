using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AllexPortal.Web.Tests.Audit;

/// <summary>Keeps the text of every SQL command the portal sends that names the audit table.</summary>
public sealed class AuditCommandRecorder : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> commands = new();

    /// <summary>The commands seen so far, in order.</summary>
    public IReadOnlyList<string> Commands => [.. commands];

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        if (command.CommandText.Contains("\"AuditEntries\"", StringComparison.Ordinal))
        {
            commands.Enqueue(command.CommandText);
        }
    }
}

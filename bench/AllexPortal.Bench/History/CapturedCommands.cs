using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AllexPortal.Bench.History;

/// <summary>Keeps the SQL (with its parameter values) that EF Core sends, so the benchmark can ask SQLite for the
/// plan of exactly the queries the history service runs.</summary>
public sealed class CapturedCommands : DbCommandInterceptor
{
    public bool Enabled { get; set; }

    public ConcurrentQueue<(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)> Commands { get; } = new();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Enabled)
        {
            Commands.Enqueue((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
        }
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AllexPortal.Web.Tests.Coordination;

/// <summary>Fails every connection an instance opens once <see cref="Severed"/>, like a network cut or a dead process.</summary>
public sealed class SeverableDatabase : DbConnectionInterceptor
{
    private volatile bool severed;

    public bool Severed
    {
        get => severed;
        set => severed = value;
    }

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        severed ? throw new InvalidOperationException("This portal instance was cut off from the database.") : result;

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        severed ? throw new InvalidOperationException("This portal instance was cut off from the database.") : ValueTask.FromResult(result);
}

using AllexPortal.Web.Coordination;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Data;

/// <summary>
/// Applies pending migrations when the host starts. Hosted services start before Kestrel accepts
/// requests, so no request ever sees an unmigrated database. Instances starting together migrate one after the
/// other (<see cref="MigrationLock"/>); the later ones find nothing pending.
/// </summary>
internal sealed class PortalDbMigrator(IDbContextFactory<PortalDb> dbFactory, ILogger<PortalDbMigrator> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var migrating = await MigrationLock.AcquireAsync(db, cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, pending);
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

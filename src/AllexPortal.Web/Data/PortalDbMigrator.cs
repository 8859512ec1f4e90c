using AllexPortal.Web.Coordination;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace AllexPortal.Web.Data;

/// <summary>
/// Applies pending migrations when the host starts. Hosted services start before Kestrel accepts
/// requests, so no request ever sees an unmigrated database. Instances starting together migrate one after the
/// other (<see cref="MigrationLock"/>); the later ones find nothing pending.
/// </summary>
/// <remarks>
/// Several instances may start at once on one PostgreSQL database. EF Core's own migration lock there is taken per
/// migration transaction, so a second instance that read the pending list before the first committed re-applies a
/// migration and fails (a real failure with two pending migrations). A session-level advisory lock held around the
/// whole run serialises the instances: the second one waits, then finds nothing pending. It is released when the
/// run ends, or by PostgreSQL when the holder's connection dies. SQLite's EF lock already covers the whole run.
/// </remarks>
internal sealed class PortalDbMigrator(IDbContextFactory<PortalDb> dbFactory, ILogger<PortalDbMigrator> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsNpgsql())
        {
            await MigrateAsync(db, cancellationToken);
            return;
        }

        await EnsurePostgresDatabaseAsync(db, cancellationToken);
        await using var migrating = await MigrationLock.AcquireAsync(db, cancellationToken);
        await MigrateAsync(db, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task MigrateAsync(PortalDb db, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, pending);
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    /// <summary>The lock needs a connection to the database, so an absent database is created (empty) first.</summary>
    private static async Task EnsurePostgresDatabaseAsync(PortalDb db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException exists) when (exists.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another instance created it a moment ago.
        }
    }
}

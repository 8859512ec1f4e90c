using AllexPortal.Web.Data;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AllexPortal.Web.Tests.Coordination;

/// <summary>The start-up migrator of several instances on one new database (SQLite, or PostgreSQL in that run).</summary>
public sealed class ConcurrentMigrationTests
{
    [Fact]
    public async Task Migrators_of_four_instances_starting_at_once_apply_every_migration_once()
    {
        using var database = new TemporaryDatabase();
        var migrators = Enumerable.Range(0, 4)
            .Select(_ => new PortalDbMigrator(new Databases(database), NullLogger<PortalDbMigrator>.Instance))
            .ToList();

        await Task.WhenAll(migrators.Select(m => Task.Run(() => m.StartAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken)));

        await using var check = database.CreateDbContext();
        Assert.Equal(check.Database.GetMigrations(), await check.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
    }

    private sealed class Databases(TemporaryDatabase database) : IDbContextFactory<PortalDb>
    {
        public PortalDb CreateDbContext() => database.CreateDbContext();
    }
}

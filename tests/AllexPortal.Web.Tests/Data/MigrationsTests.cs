using AllexPortal.Web.Data;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Data;

/// <summary>
/// Both providers' migrations must describe the current model: a model change without a migration for each
/// (scripts/add-migration.sh adds both) fails here. Comparing models needs no server, so these run in both runs.
/// The model comes from the portal's own registrations, as at run time: Identity's store options shape it too.
/// </summary>
public sealed class MigrationsTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var portal = PortalRegistrations.Build(DatabaseProvider.Sqlite, "Data Source=unused.db");
        using var db = portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContext();

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQLite migration: run scripts/add-migration.sh <Name>.");
    }

    [Fact]
    public void Postgres_migrations_match_the_model()
    {
        using var portal = PortalRegistrations.Build(DatabaseProvider.Postgres, "Host=unused;Database=unused");
        using var db = portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContext();

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a PostgreSQL migration: run scripts/add-migration.sh <Name>.");
    }

    [Fact]
    public void Each_provider_runs_its_own_migrations()
    {
        using var sqlitePortal = PortalRegistrations.Build(DatabaseProvider.Sqlite, "Data Source=unused.db");
        using var postgresPortal = PortalRegistrations.Build(DatabaseProvider.Postgres, "Host=unused;Database=unused");
        using var sqlite = sqlitePortal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContext();
        using var postgres = postgresPortal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContext();

        var sqliteIds = sqlite.Database.GetMigrations().ToList();
        var postgresIds = postgres.Database.GetMigrations().ToList();

        Assert.NotEmpty(sqliteIds);
        Assert.NotEmpty(postgresIds);
        Assert.Empty(sqliteIds.Intersect(postgresIds));
    }

    [Fact]
    public void Postgres_stores_money_as_numeric_and_times_as_timestamptz()
    {
        using var portal = PortalRegistrations.Build(DatabaseProvider.Postgres, "Host=unused;Database=unused");
        using var db = portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContext();

        var columns = db.Model.GetEntityTypes().SelectMany(entity => entity.GetProperties()
            .Select(property => (Entity: entity, Property: property, Type: Unwrap(property.ClrType))))
            .Where(column => column.Type == typeof(decimal) || column.Type == typeof(DateTimeOffset))
            .ToList();

        Assert.Contains(columns, c => c.Type == typeof(decimal));
        Assert.Contains(columns, c => c.Type == typeof(DateTimeOffset));
        Assert.All(columns, c =>
        {
            var expected = c.Type == typeof(decimal) ? "numeric" : "timestamp with time zone";
            Assert.True(
                c.Property.GetColumnType(StoreObjectIdentifier.Table(c.Entity.GetTableName()!, c.Entity.GetSchema())) == expected
                && c.Property.GetValueConverter() is null,
                $"{c.Entity.ShortName()}.{c.Property.Name} should be a plain {expected}");
        });
    }

    [Fact]
    public async Task Two_instances_migrating_one_new_database_at_once_both_start()
    {
        using var database = new TemporaryDatabase();
        await using var first = database.CreateDbContext();
        await using var second = database.CreateDbContext();

        await Task.WhenAll(
            first.Database.MigrateAsync(TestContext.Current.CancellationToken),
            second.Database.MigrateAsync(TestContext.Current.CancellationToken));

        await using var check = database.CreateDbContext();
        Assert.Equal(
            check.Database.GetMigrations(),
            await check.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
    }

    private static Type Unwrap(Type type) => Nullable.GetUnderlyingType(type) ?? type;
}

using AllexPortal.Web.Data;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging.Abstractions;
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
    public void Postgres_text_columns_sort_byte_wise_like_sqlite_whatever_the_cluster_locale()
    {
        using var portal = PortalRegistrations.Build(DatabaseProvider.Postgres, "Host=unused;Database=unused");
        using var db = portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContext();

        var text = db.GetService<IDesignTimeModel>().Model.GetEntityTypes().SelectMany(entity => entity.GetProperties()).Where(p => p.ClrType == typeof(string)).ToList();

        Assert.NotEmpty(text);
        Assert.All(text, p => Assert.Equal(PortalDb.PostgresTextCollation, p.GetCollation()));
    }

    [Fact]
    public async Task Two_instances_migrating_one_new_database_at_once_both_start()
    {
        using var database = new TemporaryDatabase();
        var factory = new DatabaseFactory(database);
        var first = new PortalDbMigrator(factory, NullLogger<PortalDbMigrator>.Instance);
        var second = new PortalDbMigrator(factory, NullLogger<PortalDbMigrator>.Instance);

        await Task.WhenAll(
            first.StartAsync(TestContext.Current.CancellationToken),
            second.StartAsync(TestContext.Current.CancellationToken));

        await using var check = database.CreateDbContext();
        Assert.Equal(
            check.Database.GetMigrations(),
            await check.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
    }

    private sealed class DatabaseFactory(TemporaryDatabase database) : IDbContextFactory<PortalDb>
    {
        public PortalDb CreateDbContext() => database.CreateDbContext();
    }

    private static Type Unwrap(Type type) => Nullable.GetUnderlyingType(type) ?? type;
}

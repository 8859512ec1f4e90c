using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Data;

/// <summary>
/// Registers <see cref="PortalDb"/> for the configured engine, so pages and services never depend on
/// which database is behind it.
/// </summary>
internal static class DataServiceCollectionExtensions
{
    private const string DefaultConnectionString = "Data Source=./data/portal.db";

    /// <summary>
    /// Adds <see cref="PortalDb"/> (scoped, for Identity) and <see cref="IDbContextFactory{PortalDb}"/>
    /// (for interactive components, whose scope lives as long as the browser tab), migrations at start
    /// (the <c>/readyz</c> database check is registered in <c>Health/</c>).
    /// </summary>
    public static WebApplicationBuilder AddPortalData(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(DatabaseOptions.SectionName);
        var options = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.Configure<DatabaseOptions>(section);
        var connectionString = builder.Configuration.GetConnectionString("PortalDb") is { Length: > 0 } configured
            ? configured
            : DefaultConnectionString;

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteDirectory(connectionString);
                builder.Services.AddDbContextFactory<PortalDb>(db => db.UseSqlite(connectionString));
                break;
            case DatabaseProvider.Postgres:
                throw new NotSupportedException(
                    "Database:Provider 'Postgres' is not yet supported: PostgreSQL migrations have not been added. " +
                    "Use 'Sqlite' (the default).");
            default:
                throw new InvalidOperationException(
                    $"Database:Provider '{options.Provider}' is unknown. Use 'Sqlite'.");
        }

        builder.Services.AddHostedService<PortalDbMigrator>();
        return builder;
    }

    /// <summary>SQLite creates the file but not its folder; a first start must work on a fresh clone.</summary>
    private static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}

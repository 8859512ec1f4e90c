using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AllexPortal.Web.Data;

/// <summary>
/// Registers <see cref="PortalDb"/> for the configured engine, so pages and services never depend on
/// which database is behind it.
/// </summary>
internal static class DataServiceCollectionExtensions
{
    /// <summary>Where SQLite keeps the portal's data when no connection string is configured.</summary>
    private const string DefaultSqliteConnectionString = "Data Source=./data/portal.db";

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
        var configured = builder.Configuration.GetConnectionString("PortalDb");
        var provider = options.Provider;
        var connectionString = provider switch
        {
            DatabaseProvider.Sqlite => configured is { Length: > 0 } ? configured : DefaultSqliteConnectionString,
            DatabaseProvider.Postgres => configured is { Length: > 0 }
                ? configured
                : throw new InvalidOperationException(
                    "Database:Provider is 'Postgres' but ConnectionStrings:PortalDb is empty. Set it, e.g. " +
                    "'Host=db;Database=allexportal;Username=allexportal;Password=...'."),
            _ => throw new InvalidOperationException(
                $"Database:Provider '{provider}' is unknown. Use 'Sqlite' (the default) or 'Postgres'."),
        };
        if (provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteDirectory(connectionString);
        }

        // The factory hands out the provider's own context type (PostgresPortalDb on PostgreSQL), which is how EF Core
        // picks that provider's migrations; the scoped PortalDb Identity uses comes from the same factory.
        builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContext());
        builder.Services.AddDbContextFactory<PortalDb>(db => db.UsePortalDatabase(provider, connectionString));
        builder.Services.Replace(ServiceDescriptor.Singleton<IDbContextFactory<PortalDb>>(
            services => new PortalDbFactory(services.GetRequiredService<DbContextOptions<PortalDb>>(), provider)));

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

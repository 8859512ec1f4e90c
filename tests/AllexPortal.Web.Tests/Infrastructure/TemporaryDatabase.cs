using System.Data.Common;
using AllexPortal.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AllexPortal.Web.Tests.Infrastructure;

/// <summary>
/// A real database of its own for one test class, removed afterwards: a SQLite file by default, or a fresh
/// PostgreSQL database (CREATE DATABASE, dropped on dispose) when <c>ALLEXPORTAL_TEST_DATABASE=postgres</c>, on the
/// server that <c>ALLEXPORTAL_TEST_POSTGRES</c> names (test.sh starts a throw-away cluster and sets both).
/// </summary>
public sealed class TemporaryDatabase : IDisposable
{
    /// <summary>Selects the provider of the whole test run: <c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public const string ProviderVariable = "ALLEXPORTAL_TEST_DATABASE";

    /// <summary>A connection string to a PostgreSQL server whose user may create databases.</summary>
    public const string PostgresServerVariable = "ALLEXPORTAL_TEST_POSTGRES";

    private readonly string? postgresServer;
    private readonly string? postgresName;
    private readonly Lazy<WebApplication> registrations;

    public TemporaryDatabase()
    {
        Provider = RunProvider;
        if (Provider == DatabaseProvider.Postgres)
        {
            postgresServer = Environment.GetEnvironmentVariable(PostgresServerVariable) is { Length: > 0 } server
                ? server
                : throw new InvalidOperationException(
                    $"{ProviderVariable}=postgres needs {PostgresServerVariable}, e.g. 'Host=127.0.0.1;Port=55432;Username=postgres' (test.sh sets both).");
            postgresName = $"allexportal_test_{Guid.NewGuid():N}";
            ExecuteOnServer($"CREATE DATABASE \"{postgresName}\"");
            ConnectionString = new NpgsqlConnectionStringBuilder(postgresServer) { Database = postgresName }.ConnectionString;
        }
        else
        {
            Directory.CreateDirectory(Folder);
            ConnectionString = $"Data Source={Path.Combine(Folder, "portal.db")}";
        }

        registrations = new Lazy<WebApplication>(() => PortalRegistrations.Build(Provider, ConnectionString));
    }

    /// <summary>The provider this run's tests use, from <see cref="ProviderVariable"/>.</summary>
    public static DatabaseProvider RunProvider =>
        Environment.GetEnvironmentVariable(ProviderVariable) is { Length: > 0 } name
            ? Enum.Parse<DatabaseProvider>(name, ignoreCase: true)
            : DatabaseProvider.Sqlite;

    /// <summary>The engine behind this database.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>The folder holding the SQLite file (unused on PostgreSQL).</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "allexportal-tests", Guid.NewGuid().ToString("N"));

    public string ConnectionString { get; }

    /// <summary>EF Core options for this database, configured as the portal configures them.</summary>
    public DbContextOptions<PortalDb> Options
    {
        get
        {
            var builder = new DbContextOptionsBuilder<PortalDb>();
            builder.UsePortalDatabase(Provider, ConnectionString);
            return builder.Options;
        }
    }

    /// <summary>
    /// A context as the portal makes it: the provider's own type (see <see cref="PortalDbFactory"/>) and the portal's
    /// exact model, so its migrations apply without pending model changes.
    /// </summary>
    public PortalDb CreateDbContext() =>
        registrations.Value.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContext();

    /// <summary>A plain ADO.NET connection (not opened), for tests that must read or write past the portal's code.</summary>
    public DbConnection CreateConnection() => Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnection(ConnectionString)
        : new SqliteConnection(ConnectionString);

    /// <summary>A <see cref="Guid"/> as a parameter value matching how the provider stores it (SQLite: upper-case text).</summary>
    public object GuidParameter(Guid id) => Provider == DatabaseProvider.Postgres ? id : id.ToString().ToUpperInvariant();

    /// <summary>
    /// Makes the database unreachable: the SQLite folder becomes a plain file, so nothing can open it; the PostgreSQL
    /// database is dropped (its open connections with it).
    /// </summary>
    public void MakeUnreachable()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            Drop();
            return;
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
        File.WriteAllText(Folder, "not a folder");
    }

    /// <summary>Creates the schema with the portal's own migrations (as the portal does at start).</summary>
    public async Task<DbContextOptions<PortalDb>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = CreateDbContext();
        await db.Database.MigrateAsync(cancellationToken);
        return Options;
    }

    public void Dispose()
    {
        if (registrations.IsValueCreated)
        {
            ((IDisposable)registrations.Value).Dispose();
        }

        if (Provider == DatabaseProvider.Postgres)
        {
            Drop();
            return;
        }

        SqliteConnection.ClearAllPools();
        try
        {
            if (File.Exists(Folder))
            {
                File.Delete(Folder);
            }
            else
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held open by a finishing host; the temp folder is cleaned by the OS.
        }
    }

    private void Drop()
    {
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        ExecuteOnServer($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)");
    }

    private void ExecuteOnServer(string sql)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(postgresServer) { Database = "postgres", Pooling = false };
        using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

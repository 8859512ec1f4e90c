using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Data;

/// <summary>
/// The one place that points EF Core at a provider, shared by the portal, its design-time factories and the tests,
/// so a provider setting added here applies everywhere.
/// </summary>
public static class PortalDbOptionsBuilderExtensions
{
    /// <summary>Configures <paramref name="builder"/> for <paramref name="provider"/> on <paramref name="connectionString"/>.</summary>
    /// <exception cref="InvalidOperationException">An unknown provider.</exception>
    public static DbContextOptionsBuilder UsePortalDatabase(
        this DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString),
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString),
            _ => throw new InvalidOperationException($"Database:Provider '{provider}' is unknown. Use 'Sqlite' or 'Postgres'."),
        };
    }
}

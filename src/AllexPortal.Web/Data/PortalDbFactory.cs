using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Data;

/// <summary>
/// Creates the context type of the configured provider (<see cref="PortalDb"/> on SQLite,
/// <see cref="PostgresPortalDb"/> on PostgreSQL), so each provider runs its own migrations while every service
/// keeps depending on <see cref="IDbContextFactory{PortalDb}"/> alone.
/// </summary>
public sealed class PortalDbFactory(DbContextOptions<PortalDb> options, DatabaseProvider provider) : IDbContextFactory<PortalDb>
{
    /// <summary>The provider this factory's contexts run on.</summary>
    public DatabaseProvider Provider { get; } = provider;

    /// <inheritdoc />
    public PortalDb CreateDbContext() => Provider switch
    {
        DatabaseProvider.Postgres => new PostgresPortalDb(options),
        _ => new PortalDb(options),
    };
}

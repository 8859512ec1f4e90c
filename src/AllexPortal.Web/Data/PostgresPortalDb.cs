using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Data;

/// <summary>
/// <see cref="PortalDb"/> on PostgreSQL. The same model, a context type of its own so that EF Core keeps a second
/// migrations set (<c>Data/Migrations/Postgres</c>) beside SQLite's: EF finds a context's migrations by its type, so
/// one type per provider is how EF Core's documentation keeps two providers' migrations in one assembly.
/// Services keep asking for <see cref="PortalDb"/>; <see cref="PortalDbFactory"/> hands out this type on PostgreSQL.
/// </summary>
public sealed class PostgresPortalDb(DbContextOptions<PortalDb> options) : PortalDb(options);

namespace AllexPortal.Web.Data;

/// <summary>The database engines <see cref="PortalDb"/> can run on, chosen by <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>A local SQLite file; the default, needs no server.</summary>
    Sqlite,

    /// <summary>PostgreSQL through Npgsql; for shared or multi-instance deployments.</summary>
    Postgres,
}

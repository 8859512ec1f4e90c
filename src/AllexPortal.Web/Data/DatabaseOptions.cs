namespace AllexPortal.Web.Data;

/// <summary>
/// The <c>Database</c> configuration section. The connection string itself is
/// <c>ConnectionStrings:PortalDb</c>, where operators expect connection strings to live.
/// </summary>
public sealed class DatabaseOptions
{
    /// <summary>The configuration section bound to this type.</summary>
    public const string SectionName = "Database";

    /// <summary>The engine to use; defaults to <see cref="DatabaseProvider.Sqlite"/>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

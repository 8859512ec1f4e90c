using AllexPortal.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Tests.Infrastructure;

/// <summary>A real SQLite file of its own for one test class, deleted afterwards.</summary>
public sealed class TemporaryDatabase : IDisposable
{
    public TemporaryDatabase()
    {
        Directory.CreateDirectory(Folder);
        ConnectionString = $"Data Source={Path.Combine(Folder, "portal.db")}";
    }

    /// <summary>The folder holding the database file.</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "allexportal-tests", Guid.NewGuid().ToString("N"));

    public string ConnectionString { get; }

    /// <summary>Makes the database unreachable: its folder becomes a plain file, so nothing can open it.</summary>
    public void MakeUnreachable()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
        File.WriteAllText(Folder, "not a folder");
    }

    /// <summary>Creates the schema with the portal's own migrations (as the portal does at start).</summary>
    public async Task<DbContextOptions<PortalDb>> MigrateAsync(CancellationToken cancellationToken)
    {
        var options = new DbContextOptionsBuilder<PortalDb>().UseSqlite(ConnectionString).Options;
        await using var db = new PortalDb(options);
        await db.Database.MigrateAsync(cancellationToken);
        return options;
    }

    public void Dispose()
    {
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
}

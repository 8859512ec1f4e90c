using AllexPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Coordination;

/// <summary>
/// Serialises the migrations of instances starting together. A lease cannot do it (its table is created by a
/// migration), and EF Core's own migration lock is not enough on PostgreSQL: Npgsql's is a table lock held per
/// migration transaction, so with two or more pending migrations a second instance re-applies one and fails
/// ("relation already exists"). On PostgreSQL this takes a session advisory lock on the context's connection, held
/// open until disposed; on SQLite EF Core's <c>__EFMigrationsLock</c> row already serialises the whole run.
/// </summary>
public static class MigrationLock
{
    /// <summary>The advisory lock key ("AllexMig" as a 64-bit number), the same in every instance.</summary>
    public const long AdvisoryKey = 0x416C6C65784D6967;

    /// <summary>Waits until no other instance migrates, then holds the lock until the result is disposed.</summary>
    public static async Task<IAsyncDisposable> AcquireAsync(PortalDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.ProviderName != "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            return new Held(null);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({AdvisoryKey})", cancellationToken);
        return new Held(db);
    }

    private sealed class Held(PortalDb? db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (db is not null)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({AdvisoryKey})", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}

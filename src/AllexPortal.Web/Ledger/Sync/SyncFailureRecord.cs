using AllexPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Ledger.Sync;

/// <summary>Writes a history's last error (worded for the user, cut to the column's 500 characters) into its sync state.</summary>
internal static class SyncFailureRecord
{
    public static async Task WriteAsync(IDbContextFactory<PortalDb> databases, Guid connectionId, LedgerKind kind, string error, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var state = await db.LedgerSyncStates.SingleOrDefaultAsync(s => s.ConnectionId == connectionId && s.Kind == kind, cancellationToken);
        if (state is null)
        {
            state = new LedgerSyncState { ConnectionId = connectionId, Kind = kind, LastAttemptAt = at };
            db.LedgerSyncStates.Add(state);
        }

        state.LastError = error.Length > 500 ? error[..500] : error;
        state.LastErrorAt = at;
        await db.SaveChangesAsync(cancellationToken);
    }
}

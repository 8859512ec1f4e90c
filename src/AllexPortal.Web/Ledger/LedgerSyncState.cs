using AllexPortal.Web.Connections;

namespace AllexPortal.Web.Ledger;

/// <summary>
/// Where the sync of one connection's history of one <see cref="LedgerKind"/> stands. The cursor is the time of
/// the newest row committed; the next run re-reads from a little before it (an overlap window) and upserts by key,
/// so a run interrupted anywhere resumes with no gap and no duplicate.
/// </summary>
public sealed class LedgerSyncState
{
    public Guid ConnectionId { get; set; }

    public ExchangeConnection? Connection { get; set; }

    public LedgerKind Kind { get; set; }

    /// <summary>The time of the newest row committed so far; <c>null</c> before the first page lands.</summary>
    public DateTimeOffset? Cursor { get; set; }

    /// <summary>True once a full read of the history reached its end; later runs are incremental.</summary>
    public bool Complete { get; set; }

    /// <summary>Rows of this kind held in the ledger for the connection.</summary>
    public long RowCount { get; set; }

    /// <summary>When a sync last inserted or changed a row; reports computed before this are stale.</summary>
    public DateTimeOffset? LastChangeAt { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public DateTimeOffset? LastSuccessAt { get; set; }

    /// <summary>What failed in the last run, worded for the user (never secret material).</summary>
    public string? LastError { get; set; }

    public DateTimeOffset? LastErrorAt { get; set; }
}

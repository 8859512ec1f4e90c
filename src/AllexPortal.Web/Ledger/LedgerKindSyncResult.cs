namespace AllexPortal.Web.Ledger;

/// <summary>What one run did to one history: pages and rows read, rows inserted and changed, and the error that
/// stopped it (worded for the user), if any.</summary>
public sealed record LedgerKindSyncResult(LedgerKind Kind, int Pages, long RowsRead, long Inserted, long Updated, string? Error)
{
    /// <summary>True when the run read this history to its end.</summary>
    public bool Succeeded => Error is null;
}

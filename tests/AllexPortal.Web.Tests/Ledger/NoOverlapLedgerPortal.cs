namespace AllexPortal.Web.Tests.Ledger;

/// <summary>The ledger portal with no overlap window, so a later sync reads from exactly its cursor: what it still
/// finds older than the cursor, it found through the re-reading of pending transfers and open orders alone.</summary>
public sealed class NoOverlapLedgerPortal : LedgerPortal
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Ledger:Overlap", "00:00:00")];
}

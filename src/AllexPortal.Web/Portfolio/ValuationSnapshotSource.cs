namespace AllexPortal.Web.Portfolio;

/// <summary>How a <see cref="ValuationSnapshot"/> was recorded.</summary>
public enum ValuationSnapshotSource
{
    /// <summary>Taken when a user viewed the dashboard.</summary>
    View,

    /// <summary>Taken by the background schedule.</summary>
    Schedule,

    /// <summary>Backfilled from the exchange's <c>/user/balance-history</c>.</summary>
    BalanceHistory,

    /// <summary>
    /// Rebuilt from the synced ledger: day-end holdings valued at the exchange's daily closes, written for days no
    /// recorded snapshot covers (see <see cref="LedgerBackfill"/>) and shown only where none lies within a day.
    /// </summary>
    Ledger,
}

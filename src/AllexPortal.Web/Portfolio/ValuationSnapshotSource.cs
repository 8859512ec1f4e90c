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
}

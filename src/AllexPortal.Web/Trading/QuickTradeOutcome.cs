namespace AllexPortal.Web.Trading;

/// <summary>How a quick trade ended.</summary>
public enum QuickTradeOutcome
{
    /// <summary>The exchange executed it.</summary>
    Executed,

    /// <summary>The quote's token expired (seen by the portal's clock or by the exchange); ask for a new quote.</summary>
    Expired,

    /// <summary>The exchange refused it and said why.</summary>
    Rejected,

    /// <summary>No clear answer; it may have executed. Never retried on its own.</summary>
    Unknown,
}

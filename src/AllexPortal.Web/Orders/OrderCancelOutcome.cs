namespace AllexPortal.Web.Orders;

/// <summary>How the exchange answered a request to cancel one order.</summary>
public enum OrderCancelOutcome
{
    /// <summary>The exchange cancelled the order.</summary>
    Cancelled,

    /// <summary>The order had already filled or been cancelled; nothing changed.</summary>
    AlreadyClosed,

    /// <summary>The exchange does not know the order (for this key's account).</summary>
    NotFound,

    /// <summary>The call failed; whether the order is still open is not known until the next sync.</summary>
    Failed,
}

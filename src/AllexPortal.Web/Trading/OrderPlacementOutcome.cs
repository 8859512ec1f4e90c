namespace AllexPortal.Web.Trading;

/// <summary>How the exchange answered an order.</summary>
public enum OrderPlacementOutcome
{
    /// <summary>Filled completely at once.</summary>
    Filled,

    /// <summary>Partly filled; the rest rests in the book.</summary>
    PartiallyFilled,

    /// <summary>Accepted and resting in the book (or waiting for its stop).</summary>
    Open,

    /// <summary>Refused by the exchange, which said why.</summary>
    Rejected,

    /// <summary>No clear answer (timeout, 5xx): the order may or may not exist; it is never sent again on its own.</summary>
    Unknown,
}

using AllexPortal.Exchange.Trading;

namespace AllexPortal.Web.Trading;

/// <summary>The exchange's answer to an order, worded for the user in <see cref="Message"/>.</summary>
public sealed record OrderPlacementResult(OrderPlacementOutcome Outcome, string Message, Order? Order)
{
    /// <summary>True when the exchange accepted the order.</summary>
    public bool Accepted => Outcome is OrderPlacementOutcome.Filled or OrderPlacementOutcome.PartiallyFilled or OrderPlacementOutcome.Open;
}

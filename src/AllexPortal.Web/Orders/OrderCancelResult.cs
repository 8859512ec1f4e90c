using AllexPortal.Exchange.Trading;

namespace AllexPortal.Web.Orders;

/// <summary>
/// The exchange's answer to cancelling one order, worded for the user in <see cref="Message"/>. <see cref="Order"/>
/// is the order as the exchange last reported it (after the cancel, or read back after a refusal), when known.
/// </summary>
public sealed record OrderCancelResult(string OrderId, OrderCancelOutcome Outcome, string Message, Order? Order)
{
    /// <summary>True when the order is now cancelled by this request.</summary>
    public bool Succeeded => Outcome == OrderCancelOutcome.Cancelled;
}

using AllexPortal.Exchange.Trading;

namespace AllexPortal.Web.Trading;

/// <summary>The end of a quick trade, worded for the user in <see cref="Message"/>.</summary>
public sealed record QuickTradeResult(QuickTradeOutcome Outcome, string Message, Order? Order);

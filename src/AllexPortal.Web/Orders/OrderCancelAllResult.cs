using AllexPortal.Exchange.Trading;

namespace AllexPortal.Web.Orders;

/// <summary>The exchange's answer to cancelling every open order of one pair: the orders it cancelled, or what failed.</summary>
public sealed record OrderCancelAllResult(string Symbol, IReadOnlyList<Order> Cancelled, string Message, bool Failed);

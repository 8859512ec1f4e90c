namespace AllexPortal.Web.Trading;

/// <summary>The confirmation the user sees before an order is sent: exactly what will be sent, and its estimate.</summary>
public sealed record OrderPreview(OrderTicket Ticket, string ConnectionLabel, PairRules Rules, OrderEstimate? Estimate);

namespace AllexPortal.Exchange.Trading;

/// <summary>Body of <c>POST /order/execute</c>.</summary>
public sealed record ExecuteQuickTradeRequest(string Token);

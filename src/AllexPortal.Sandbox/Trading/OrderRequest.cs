namespace AllexPortal.Sandbox.Trading;

/// <summary>A validated order placement (<c>POST /order</c> body or a quick-trade execution).</summary>
internal sealed record OrderRequest(string Symbol, bool IsBuy, decimal Size, string Type, decimal? Price, decimal? Stop, bool PostOnly, string? Note);

namespace AllexPortal.Sandbox.Trading;

/// <summary>A market trade as <c>GET /trades</c> shows it; <see cref="Side"/> is the taker's side.</summary>
internal sealed record PublicTrade(decimal Size, decimal Price, string Side, DateTimeOffset Timestamp);

namespace AllexPortal.Sandbox;

/// <summary>One fill of a user as <c>GET /user/trades</c> returns it (the wire shape and the sandbox's own
/// truth for tests that compare row for row).</summary>
public sealed record SandboxTrade(
    string Side, string Symbol, decimal Size, decimal Price, DateTimeOffset Timestamp, string OrderId, decimal Fee, string FeeCoin);

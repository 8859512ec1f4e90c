using AllexPortal.Sandbox.Markets;

namespace AllexPortal.Sandbox.Trading;

/// <summary>An executable quick-trade quote held server-side until it expires.</summary>
internal sealed record QuickQuote(string Token, int UserId, Pair Pair, bool IsBuy, decimal Size, DateTimeOffset Expiry);

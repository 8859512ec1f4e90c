using AllexPortal.Exchange.Trading;

namespace AllexPortal.Web.Trading;

/// <summary>
/// A quote the user may execute until <see cref="ExpiresAt"/>. The token stays on the server (in the circuit);
/// the page shows the amounts and a countdown.
/// </summary>
public sealed record QuickTradeOffer(Guid ConnectionId, QuickTradeQuote Quote, DateTimeOffset ExpiresAt)
{
    /// <summary>How long is left at <paramref name="now"/>; zero once expired.</summary>
    public TimeSpan RemainingAt(DateTimeOffset now) => ExpiresAt > now ? ExpiresAt - now : TimeSpan.Zero;
}

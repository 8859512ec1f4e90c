using AllexPortal.Core.Portfolio;

namespace AllexPortal.Web.Portfolio;

/// <summary>
/// What the dashboard shows: every connection, the sum of all of them (<see cref="Combined"/>), the coins the
/// user may pick as quote, and <see cref="UsdtRate"/> (one usdt in the quote now) to show usdt history in the quote.
/// </summary>
public sealed record PortfolioOverview(
    string Quote,
    IReadOnlyList<ConnectionPortfolio> Connections,
    PortfolioValuation Combined,
    IReadOnlyList<string> QuoteChoices,
    decimal? UsdtRate,
    DateTimeOffset LoadedAt)
{
    /// <summary>Connections whose complete ledger disagrees with the balances just loaded, coin by coin; empty when all agree.</summary>
    public IReadOnlyList<ConnectionLedgerDifference> LedgerDifferences { get; init; } = [];

    /// <summary>Connections whose last refresh failed.</summary>
    public IEnumerable<ConnectionPortfolio> Failed => Connections.Where(c => c.Failure is not null);
}

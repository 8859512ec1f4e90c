using AllexPortal.Core.Portfolio;

namespace AllexPortal.Web.Portfolio;

/// <summary>The public data one exchange contributes to a valuation in one quote.</summary>
internal sealed record MarketView(
    IReadOnlyDictionary<string, string> Names,
    IReadOnlyList<PairRange> Tickers,
    IReadOnlyDictionary<string, decimal> PricesInQuote,
    IReadOnlyDictionary<string, decimal> PricesInUsdt);

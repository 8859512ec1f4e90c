namespace AllexPortal.Core.Portfolio;

/// <summary>
/// Derives each coin's 24 h range in a quote currency from market tickers: the coin-quote pair when it is
/// listed, its inverse (quote-coin) otherwise, else through usdt (coin-usdt against quote-usdt). A coin with
/// none of these, or a leg without both prices, has no range and its change is shown as unknown.
/// </summary>
public static class DayRanges
{
    private const string Bridge = "usdt";

    /// <summary>The 24 h range of every coin in <paramref name="coins"/> that the tickers can price in <paramref name="quote"/>.</summary>
    public static IReadOnlyDictionary<string, DayRange> InQuote(IEnumerable<string> coins, string quote, IEnumerable<PairRange> tickers)
    {
        ArgumentNullException.ThrowIfNull(coins);
        ArgumentNullException.ThrowIfNull(tickers);
        var pairs = tickers
            .Where(t => t.Open > 0m && t.Close > 0m)
            .GroupBy(t => t.Symbol.ToLowerInvariant(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new DayRange(g.First().Open!.Value, g.First().Close!.Value), StringComparer.Ordinal);
        quote = quote.ToLowerInvariant();
        var result = new Dictionary<string, DayRange>(StringComparer.Ordinal);
        foreach (var coin in coins.Select(c => c.ToLowerInvariant()).Distinct(StringComparer.Ordinal))
        {
            if (RangeOf(coin, quote, pairs) is { } range)
            {
                result[coin] = range;
            }
        }

        return result;
    }

    private static DayRange? RangeOf(string coin, string quote, Dictionary<string, DayRange> pairs)
    {
        if (coin == quote)
        {
            return new DayRange(1m, 1m);
        }

        if (Direct(coin, quote, pairs) is { } direct)
        {
            return direct;
        }

        return Direct(coin, Bridge, pairs) is { } coinInBridge && Direct(quote, Bridge, pairs) is { } quoteInBridge
            ? new DayRange(coinInBridge.Open / quoteInBridge.Open, coinInBridge.Close / quoteInBridge.Close)
            : null;
    }

    private static DayRange? Direct(string coin, string quote, Dictionary<string, DayRange> pairs)
    {
        if (coin == quote)
        {
            return new DayRange(1m, 1m);
        }

        if (pairs.TryGetValue($"{coin}-{quote}", out var range))
        {
            return range;
        }

        return pairs.TryGetValue($"{quote}-{coin}", out var inverse) ? new DayRange(1m / inverse.Open, 1m / inverse.Close) : null;
    }
}

namespace AllexPortal.Core.Portfolio;

/// <summary>
/// A portfolio valued in one quote currency: visible rows by value (unpriced coins last), the total of every
/// priced coin (dust included), the coins that could not be priced, and what the dust threshold hid.
/// </summary>
public sealed record PortfolioValuation(
    string Quote,
    IReadOnlyList<AssetRow> Rows,
    decimal Total,
    IReadOnlyList<string> Unpriced,
    int HiddenDustCount,
    decimal HiddenDustValue)
{
    /// <summary>An empty portfolio in <paramref name="quote"/>.</summary>
    public static PortfolioValuation Empty(string quote) => new(quote, [], 0m, [], 0, 0m);

    /// <summary>
    /// Values <paramref name="input"/> exactly (no rounding): holdings of the same coin are summed, empty ones
    /// dropped, the quote itself is priced at 1, and shares of a zero total are zero.
    /// </summary>
    public static PortfolioValuation Of(ValuationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var quote = input.Quote.ToLowerInvariant();
        var coins = input.Holdings
            .GroupBy(h => h.Coin.ToLowerInvariant(), StringComparer.Ordinal)
            .Select(g => (Coin: g.Key, Available: g.Sum(h => h.Available), Total: g.Sum(h => h.Total)))
            .Where(c => c.Total != 0m)
            .Select(c => (c.Coin, c.Available, c.Total, Price: PriceOf(c.Coin, quote, input.Prices)))
            .Select(c => (c.Coin, c.Available, c.Total, c.Price, Value: c.Price * c.Total))
            .ToList();
        var total = coins.Sum(c => c.Value ?? 0m);
        var rows = coins
            .Select(c => new AssetRow(
                c.Coin,
                input.Names.TryGetValue(c.Coin, out var name) ? name : c.Coin.ToUpperInvariant(),
                c.Available,
                c.Total - c.Available,
                c.Total,
                c.Price,
                c.Value,
                total == 0m || c.Value is null ? 0m : c.Value.Value / total,
                input.DayRanges.TryGetValue(c.Coin, out var range) ? range.ChangePercent : null))
            .ToList();
        var dust = rows.Where(r => r.Value is { } value && Math.Abs(value) < input.DustThreshold).ToList();
        var visible = rows.Except(dust)
            .OrderBy(r => r.IsPriced ? 0 : 1)
            .ThenByDescending(r => r.Value ?? 0m)
            .ThenBy(r => r.Coin, StringComparer.Ordinal)
            .ToList();
        return new PortfolioValuation(
            quote,
            visible,
            total,
            [.. rows.Where(r => !r.IsPriced).Select(r => r.Coin).Order(StringComparer.Ordinal)],
            dust.Count,
            dust.Sum(r => r.Value ?? 0m));
    }

    private static decimal? PriceOf(string coin, string quote, IReadOnlyDictionary<string, decimal> prices)
    {
        if (coin == quote)
        {
            return 1m;
        }

        return prices.TryGetValue(coin, out var price) && price > 0m ? price : null;
    }
}

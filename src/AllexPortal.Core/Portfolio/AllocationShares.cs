namespace AllexPortal.Core.Portfolio;

/// <summary>
/// A valued portfolio with every amount taken out: each coin's share of the priced total, each coin's 24 h price
/// change, and the whole portfolio's 24 h change, all in percent. It is what a member whose role lacks the right to
/// see amounts is given instead of a <see cref="PortfolioValuation"/>: no balance, price, value or total is kept, so
/// nothing rendered from it can show one. Shares and changes are rounded (see <see cref="ShareDecimals"/>), because
/// what is shown is all that needs to leave the valuation.
/// </summary>
public sealed record AllocationShares(
    string Quote,
    IReadOnlyList<AllocationShare> Rows,
    decimal? ChangePercent24h,
    IReadOnlyList<string> Unpriced,
    int HiddenDustCount)
{
    /// <summary>Fraction digits of a share: 0.0001 is 0.01 %.</summary>
    public const int ShareDecimals = 4;

    /// <summary>Fraction digits of a change in percent: 0.01 %.</summary>
    public const int ChangeDecimals = 2;

    /// <summary>No coins in <paramref name="quote"/>.</summary>
    public static AllocationShares Empty(string quote) => new(quote, [], null, [], 0);

    /// <summary>
    /// The shares of <paramref name="valuation"/>'s visible rows in their order, and the 24 h change of the coins whose
    /// change is known (see <see cref="ChangeOf"/>). Dust is counted, not shared out: its rows are not in the valuation.
    /// </summary>
    public static AllocationShares Of(PortfolioValuation valuation)
    {
        ArgumentNullException.ThrowIfNull(valuation);
        return new AllocationShares(
            valuation.Quote,
            [.. valuation.Rows.Select(r => new AllocationShare(r.Coin, r.Name, RoundShare(r.Share), RoundChange(r.ChangePercent24h), r.IsPriced))],
            ChangeOf(valuation.Rows),
            valuation.Unpriced,
            valuation.HiddenDustCount);
    }

    /// <summary>
    /// What part of <paramref name="whole"/>'s total <paramref name="part"/>'s total is (a connection of a combined
    /// portfolio), rounded like a coin's share; null when either is unknown or the whole is not positive.
    /// </summary>
    public static decimal? ShareOf(decimal? part, decimal? whole) =>
        part is { } p && whole is > 0m and var w ? RoundShare(p / w) : null;

    /// <summary>
    /// The portfolio's change in percent over 24 h had it held the same coins: the value now against the value of
    /// the same holdings at the prices of 24 h ago. Only priced coins with a known change count (an unknown change
    /// is left out rather than guessed as zero); null when there is none, or nothing was worth anything 24 h ago.
    /// </summary>
    public static decimal? ChangeOf(IEnumerable<AssetRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var now = 0m;
        var before = 0m;
        var any = false;
        foreach (var row in rows)
        {
            if (row.Value is not { } value || row.ChangePercent24h is not { } change || change <= -100m)
            {
                continue;
            }

            any = true;
            now += value;
            before += value / (1m + change / 100m);
        }

        return any && before > 0m ? RoundChange((now - before) / before * 100m) : null;
    }

    private static decimal RoundShare(decimal share) => Math.Round(share, ShareDecimals, MidpointRounding.AwayFromZero);

    private static decimal? RoundChange(decimal? percent) =>
        percent is { } p ? Math.Round(p, ChangeDecimals, MidpointRounding.AwayFromZero) : null;
}

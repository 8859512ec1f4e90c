namespace AllexPortal.Core.Portfolio;

/// <summary>
/// Everything a valuation needs, already fetched: holdings, oracle prices in <see cref="Quote"/> (missing or
/// non-positive means unpriced), 24 h ranges in the quote, coin names, and the dust threshold (a value in the
/// quote below which a priced row is hidden from the table but still counted in the total).
/// </summary>
public sealed record ValuationInput
{
    public required string Quote { get; init; }

    public required IReadOnlyList<Holding> Holdings { get; init; }

    public required IReadOnlyDictionary<string, decimal> Prices { get; init; }

    public IReadOnlyDictionary<string, DayRange> DayRanges { get; init; } = new Dictionary<string, DayRange>();

    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();

    /// <summary>Default 0: nothing is hidden except empty balances.</summary>
    public decimal DustThreshold { get; init; }
}

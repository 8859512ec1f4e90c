namespace AllexPortal.Exchange.Market;

/// <summary>Maker and taker fees per pair, in percent (0.1 means 0.1 %).</summary>
public sealed record TierFees
{
    public IReadOnlyDictionary<string, decimal> Maker { get; init; } = new Dictionary<string, decimal>();
    public IReadOnlyDictionary<string, decimal> Taker { get; init; } = new Dictionary<string, decimal>();
}

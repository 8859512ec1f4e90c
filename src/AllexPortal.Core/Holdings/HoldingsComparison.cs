namespace AllexPortal.Core.Holdings;

/// <summary>Compares holdings rebuilt from the ledger with the exchange's balances, coin by coin, exactly.</summary>
public static class HoldingsComparison
{
    /// <summary>Every coin (lower-case) whose amounts differ, ordered by coin; a coin missing on one side counts as zero there.</summary>
    public static IReadOnlyList<HoldingDifference> Differences(
        IReadOnlyDictionary<string, decimal> ledger, IReadOnlyDictionary<string, decimal> exchange)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(exchange);
        var fromLedger = Fold(ledger);
        var fromExchange = Fold(exchange);
        return [.. fromLedger.Keys.Union(fromExchange.Keys)
            .Order(StringComparer.Ordinal)
            .Select(coin => new HoldingDifference(coin, fromLedger.GetValueOrDefault(coin), fromExchange.GetValueOrDefault(coin)))
            .Where(d => d.Difference != 0m)];
    }

    private static Dictionary<string, decimal> Fold(IReadOnlyDictionary<string, decimal> amounts) =>
        amounts.GroupBy(a => a.Key.Trim().ToLowerInvariant(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(a => a.Value), StringComparer.Ordinal);
}

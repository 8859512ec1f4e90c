namespace AllexPortal.Web.History;

/// <summary>
/// Exact sums over every row a filter selects, per coin (amounts in different coins never add up). Which maps are
/// filled depends on the history: trades fill <see cref="VolumeByQuote"/> and <see cref="FeesByCoin"/>; orders
/// <see cref="CountByStatus"/> and <see cref="FeesByCoin"/>; transfers <see cref="AmountByCurrency"/>,
/// <see cref="FeesByCoin"/> and <see cref="CountByStatus"/>.
/// </summary>
public sealed record HistoryTotals
{
    /// <summary>No rows.</summary>
    public static HistoryTotals Empty { get; } = new();

    /// <summary>Rows the filter selects.</summary>
    public int Count { get; init; }

    /// <summary>Trades: traded volume (size × price) per quote coin.</summary>
    public IReadOnlyDictionary<string, decimal> VolumeByQuote { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Fees paid per fee coin.</summary>
    public IReadOnlyDictionary<string, decimal> FeesByCoin { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Transfers: amount moved per currency.</summary>
    public IReadOnlyDictionary<string, decimal> AmountByCurrency { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Orders and transfers: rows per status (order status, or transfer state in lower case).</summary>
    public IReadOnlyDictionary<string, int> CountByStatus { get; init; } = new Dictionary<string, int>();
}

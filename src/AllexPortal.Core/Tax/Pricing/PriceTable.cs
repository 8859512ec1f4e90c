using AllexPortal.Core.Assets;

namespace AllexPortal.Core.Tax.Pricing;

/// <summary>
/// Hourly closes already resolved, which the synchronous engine reads while it runs.
/// </summary>
/// <remarks>
/// It is also an <see cref="IHistoricalPriceSource"/> over its own contents, which serves prices imported from a
/// file or held from an earlier report.
/// </remarks>
public sealed class PriceTable : IHistoricalPriceSource
{
    private readonly Dictionary<PriceKey, decimal> _closes;

    /// <summary>Creates a table from resolved closes.</summary>
    public PriceTable(IEnumerable<KeyValuePair<PriceKey, decimal>> closes) => _closes = new Dictionary<PriceKey, decimal>(closes);

    /// <summary>A table with no prices: only legs in the report currency can be valued.</summary>
    public static PriceTable Empty { get; } = new([]);

    /// <summary>How many closes the table holds.</summary>
    public int Count => _closes.Count;

    /// <summary>Looks up the close of the candle containing <paramref name="time"/>.</summary>
    public bool TryGetPrice(Asset asset, Asset currency, DateTimeOffset time, out decimal price) =>
        _closes.TryGetValue(PriceKey.For(asset, currency, time), out price);

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<PriceKey, decimal>> GetHourlyClosesAsync(
        IReadOnlyCollection<PriceKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<PriceKey, decimal>(keys.Count);
        foreach (var key in keys)
        {
            if (_closes.TryGetValue(key, out var close))
            {
                found[key] = close;
            }
        }

        return ValueTask.FromResult<IReadOnlyDictionary<PriceKey, decimal>>(found);
    }
}

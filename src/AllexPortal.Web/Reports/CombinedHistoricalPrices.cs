using AllexPortal.Core.Tax.Pricing;

namespace AllexPortal.Web.Reports;

/// <summary>Several price sources in order of preference: each is asked only for the keys the earlier ones left out.</summary>
public sealed class CombinedHistoricalPrices(IReadOnlyList<IHistoricalPriceSource> sources) : IHistoricalPriceSource
{
    /// <inheritdoc />
    public async ValueTask<IReadOnlyDictionary<PriceKey, decimal>> GetHourlyClosesAsync(
        IReadOnlyCollection<PriceKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<PriceKey, decimal>(keys.Count);
        IReadOnlyCollection<PriceKey> missing = keys;
        foreach (var source in sources)
        {
            if (missing.Count == 0)
            {
                break;
            }

            foreach (var (key, close) in await source.GetHourlyClosesAsync(missing, cancellationToken))
            {
                found.TryAdd(key, close);
            }

            missing = [.. keys.Where(key => !found.ContainsKey(key))];
        }

        return found;
    }
}

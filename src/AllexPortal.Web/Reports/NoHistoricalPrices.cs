using AllexPortal.Core.Tax.Pricing;

namespace AllexPortal.Web.Reports;

/// <summary>
/// The price source used until the portal has one backed by the exchange's chart endpoint: it knows no price, so
/// only legs in the report currency are valued and every other leg is flagged by the engine as a missing price
/// (never silently valued). Registered only when no other <see cref="IHistoricalPriceSource"/> is.
/// </summary>
public sealed class NoHistoricalPrices : IHistoricalPriceSource
{
    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<PriceKey, decimal>> GetHourlyClosesAsync(
        IReadOnlyCollection<PriceKey> keys, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyDictionary<PriceKey, decimal>>(new Dictionary<PriceKey, decimal>());
}

using AllexPortal.Core.Tax.Events;
using AllexPortal.Core.Tax.Pricing;

namespace AllexPortal.Core.Tax;

/// <summary>
/// Makes a tax report from ledger events: collects the hourly closes the report needs, resolves them in one
/// batch from an <see cref="IHistoricalPriceSource"/>, then runs the synchronous <see cref="CostBasisEngine"/>.
/// </summary>
/// <param name="prices">Where historical closes come from (the chart endpoint behind a cache, in the portal).</param>
public sealed class TaxReportBuilder(IHistoricalPriceSource prices)
{
    /// <summary>Builds the report of <paramref name="events"/> under <paramref name="options"/>.</summary>
    public async Task<TaxReport> BuildAsync(
        IReadOnlyCollection<LedgerEvent> events, TaxReportOptions options, CancellationToken cancellationToken)
    {
        var keys = PriceRequirements.Collect(events, options);
        var table = keys.Count == 0
            ? PriceTable.Empty
            : new PriceTable(await prices.GetHourlyClosesAsync(keys, cancellationToken).ConfigureAwait(false));
        return CostBasisEngine.Run(events, options, table);
    }
}

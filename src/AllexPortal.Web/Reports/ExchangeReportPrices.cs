using AllexPortal.Core.Tax.Pricing;
using AllexPortal.Web.Prices;

namespace AllexPortal.Web.Reports;

/// <summary>
/// Prices a report from the chart candles of its connections' exchanges, cached in the database
/// (<see cref="HistoricalPriceSources"/>): one exchange answers directly; with several, each is asked in turn for the
/// closes the ones before it could not give.
/// </summary>
public sealed class ExchangeReportPrices(HistoricalPriceSources sources) : IReportPrices
{
    /// <inheritdoc />
    public IHistoricalPriceSource For(IReadOnlyList<Uri> exchanges)
    {
        ArgumentNullException.ThrowIfNull(exchanges);
        var distinct = exchanges.Distinct().ToList();
        return distinct.Count == 1
            ? sources.For(distinct[0])
            : new CombinedHistoricalPrices([.. distinct.Select(sources.For)]);
    }
}

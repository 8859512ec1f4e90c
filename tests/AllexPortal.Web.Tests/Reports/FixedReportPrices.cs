using AllexPortal.Core.Tax.Pricing;
using AllexPortal.Web.Reports;

namespace AllexPortal.Web.Tests.Reports;

/// <summary>Prices every report from one source, whatever its exchanges (the test connections point nowhere real).</summary>
public sealed class FixedReportPrices(IHistoricalPriceSource source) : IReportPrices
{
    public IHistoricalPriceSource For(IReadOnlyList<Uri> exchanges) => source;
}

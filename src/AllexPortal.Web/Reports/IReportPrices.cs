using AllexPortal.Core.Tax.Pricing;

namespace AllexPortal.Web.Reports;

/// <summary>Where a report's hourly closes come from, given the exchanges its connections are on.</summary>
public interface IReportPrices
{
    /// <summary>A price source for a report over connections on <paramref name="exchanges"/> (base URLs, at least one).</summary>
    IHistoricalPriceSource For(IReadOnlyList<Uri> exchanges);
}

using AllexPortal.Core.Assets;

namespace AllexPortal.Core.Tax;

/// <summary>
/// The choices a user makes for one tax report.
/// </summary>
/// <param name="Method">How disposals consume lots.</param>
/// <param name="Period">The tax year or custom range the report covers.</param>
public sealed record TaxReportOptions(CostBasisMethod Method, ReportPeriod Period)
{
    /// <summary>The currency every leg is valued in; usdt by default. No lots are kept for it.</summary>
    public Asset ReportCurrency { get; init; } = Asset.Usdt;

    /// <summary>A lot held for strictly longer than this is long term; 365 days by default.</summary>
    public TimeSpan LongTermThreshold { get; init; } = TimeSpan.FromDays(365);

    /// <summary>How deposits of unknown cost basis are valued; market price at arrival by default.</summary>
    public UnknownCostBasisValuation UnknownCostBasis { get; init; } = UnknownCostBasisValuation.MarketPrice;

    /// <summary>The day tax years begin on, used to group totals by year; 1 January by default.</summary>
    public TaxYearStart TaxYearStart { get; init; } = TaxYearStart.January1;
}

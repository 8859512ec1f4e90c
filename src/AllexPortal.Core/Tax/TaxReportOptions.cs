using AllexPortal.Core.Assets;

namespace AllexPortal.Core.Tax;

/// <summary>
/// The choices a user makes for one tax report.
/// </summary>
/// <param name="Method">How disposals consume lots, in every tax year not listed in <see cref="MethodByTaxYear"/>.</param>
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

    /// <summary>
    /// The method of individual tax years, keyed by <see cref="TaxYear.StartYear"/> (years begin on
    /// <see cref="TaxYearStart"/>), overriding <see cref="Method"/> for the years listed; empty by default.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Jurisdictions let a taxpayer change method from one year to the next, but the lots held carry over: a
    /// disposal uses the method of the tax year it falls in, and the lots it draws on are the ones the years before
    /// left, whatever their method. Years before the report's period count too, because their disposals shaped the
    /// lots the period inherits.
    /// </para>
    /// <para>
    /// <b>Entering average cost.</b> At the first event of a pooled year, every lot held of an asset joins the
    /// pool at its own cost, so the pool starts at the total cost of the lots it replaces. As for any pool, the
    /// acquisitions keep their dates only to date disposals first-in, first-out (holding period); see
    /// <see cref="CostBasisMethod.AverageCost"/>.
    /// </para>
    /// <para>
    /// <b>Leaving average cost.</b> At the first event of the next year with another method, the pool continues
    /// as one lot at the pooled cost: every unit carries the pool's average unit cost, so the order a later method
    /// takes units in cannot change the cost basis (HIFO ranks them as one lot). The units keep the acquisition
    /// dates the pool gave them, oldest first, so holding periods stay as the pool would have reported them.
    /// </para>
    /// <para>
    /// Between FIFO, LIFO and HIFO nothing changes but the order: the lots, their dates and costs carry over as
    /// they are. Lots in transit (withdrawn, not yet deposited back) are not converted; they rejoin the held lots,
    /// with their own dates and cost, under the method of the year they come back in. The remaining lots at the
    /// period end are shown under the method of the period's last tax year.
    /// </para>
    /// </remarks>
    public IReadOnlyDictionary<int, CostBasisMethod> MethodByTaxYear { get; init; } = EmptyMethods;

    private static readonly IReadOnlyDictionary<int, CostBasisMethod> EmptyMethods =
        System.Collections.Frozen.FrozenDictionary<int, CostBasisMethod>.Empty;

    /// <summary>The method disposals in tax year <paramref name="year"/> use.</summary>
    public CostBasisMethod MethodFor(TaxYear year) =>
        MethodByTaxYear.TryGetValue(year.StartYear, out var method) ? method : Method;
}

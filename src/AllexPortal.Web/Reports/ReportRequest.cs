using System.Globalization;
using AllexPortal.Core.Assets;
using AllexPortal.Core.Tax;

namespace AllexPortal.Web.Reports;

/// <summary>
/// What a user asks a report for: which of their connections, which period, and the choices of
/// <see cref="TaxReportOptions"/>. Two equal requests over an unchanged ledger give the same report, so it is also
/// the cache key (see <see cref="CacheKey"/>).
/// </summary>
/// <param name="ConnectionIds">The connections whose ledgers are combined; each must be the acting user's.</param>
/// <param name="Period">The tax year or custom range.</param>
/// <param name="Method">How disposals consume lots in every tax year <see cref="MethodByTaxYear"/> does not list.</param>
public sealed record ReportRequest(IReadOnlyList<Guid> ConnectionIds, ReportPeriod Period, CostBasisMethod Method)
{
    /// <summary>The currency every value is in. Default usdt.</summary>
    public Asset Currency { get; init; } = Asset.Usdt;

    /// <summary>How deposits of unknown cost basis are valued. Default market price at arrival.</summary>
    public UnknownCostBasisValuation UnknownCostBasis { get; init; } = UnknownCostBasisValuation.MarketPrice;

    /// <summary>A lot held for more than this many days is long term. Default 365.</summary>
    public int LongTermDays { get; init; } = 365;

    /// <summary>The day tax years start, for the per-year totals. Default 1 January.</summary>
    public TaxYearStart TaxYearStart { get; init; } = TaxYearStart.January1;

    /// <summary>
    /// A different method for individual tax years (keyed by the calendar year each starts in, years starting on
    /// <see cref="TaxYearStart"/>); the lots carry over between years (see
    /// <see cref="TaxReportOptions.MethodByTaxYear"/>). Years before the period count: they shape the lots it
    /// inherits. Empty by default.
    /// </summary>
    public IReadOnlyDictionary<int, CostBasisMethod> MethodByTaxYear { get; init; } = new Dictionary<int, CostBasisMethod>();

    /// <summary>
    /// The overrides that change anything: those naming another method than <see cref="Method"/>, for a tax year
    /// that begins before the period ends, in year order. Two requests differing only in overrides outside these
    /// compute the same report, so only these reach the engine and the cache key.
    /// </summary>
    public IReadOnlyList<KeyValuePair<int, CostBasisMethod>> EffectiveOverrides
    {
        get
        {
            var lastYear = TaxYear.Containing(Period.LastInstant, TaxYearStart).StartYear;
            return [.. MethodByTaxYear.Where(o => o.Value != Method && o.Key <= lastYear).OrderBy(o => o.Key)];
        }
    }

    /// <summary>The engine's options for this request.</summary>
    public TaxReportOptions ToOptions() => new(Method, Period)
    {
        ReportCurrency = Currency,
        UnknownCostBasis = UnknownCostBasis,
        LongTermThreshold = TimeSpan.FromDays(LongTermDays),
        TaxYearStart = TaxYearStart,
        MethodByTaxYear = EffectiveOverrides.ToDictionary(),
    };

    /// <summary>
    /// The request as a string that is equal exactly when two requests would compute the same report: connection
    /// order does not matter, every option does.
    /// </summary>
    public string CacheKey => string.Join('|',
        string.Join(',', ConnectionIds.Distinct().Order().Select(id => id.ToString("N"))),
        Period.Start.UtcTicks.ToString(CultureInfo.InvariantCulture),
        Period.End.UtcTicks.ToString(CultureInfo.InvariantCulture),
        Method,
        Currency.Code,
        UnknownCostBasis,
        LongTermDays.ToString(CultureInfo.InvariantCulture),
        TaxYearStart.Month.ToString(CultureInfo.InvariantCulture) + "-" + TaxYearStart.Day.ToString(CultureInfo.InvariantCulture),
        string.Join(',', EffectiveOverrides.Select(o => FormattableString.Invariant($"{o.Key}={o.Value}"))));
}

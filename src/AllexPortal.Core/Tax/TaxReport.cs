using AllexPortal.Core.Assets;

namespace AllexPortal.Core.Tax;

/// <summary>
/// The outcome of one run of the <see cref="CostBasisEngine"/> over a period.
/// </summary>
/// <remarks>All amounts are in <see cref="TaxReportOptions.ReportCurrency"/>.</remarks>
public sealed class TaxReport
{
    /// <summary>The choices the report was made with.</summary>
    public required TaxReportOptions Options { get; init; }

    /// <summary>Every disposal inside the period matched to its lots, in ledger order.</summary>
    public required IReadOnlyList<Disposal> Disposals { get; init; }

    /// <summary>Totals of all disposals inside the period.</summary>
    public required GainTotals Totals { get; init; }

    /// <summary>Totals per asset over the period, in asset order.</summary>
    public required IReadOnlyList<AssetTotals> TotalsByAsset { get; init; }

    /// <summary>Totals per tax year (of <see cref="TaxReportOptions.TaxYearStart"/>) that has disposals in the period.</summary>
    public required IReadOnlyList<YearTotals> TotalsByYear { get; init; }

    /// <summary>Unrealised gains per asset held at the period end, in asset order.</summary>
    public required IReadOnlyList<UnrealisedGain> Unrealised { get; init; }

    /// <summary>Lots held at the period end, by asset and then oldest first.</summary>
    public required IReadOnlyList<Lot> RemainingLots { get; init; }

    /// <summary>Lots withdrawn from the chosen connections and not yet deposited back at the period end.</summary>
    public required IReadOnlyList<Lot> LotsInTransit { get; init; }

    /// <summary>What needs the user's attention, in ledger order.</summary>
    public required IReadOnlyList<TaxWarning> Warnings { get; init; }

    /// <summary>The report currency, for convenience.</summary>
    public Asset Currency => Options.ReportCurrency;
}

namespace AllexPortal.Core.Tax;

/// <summary>The totals of one tax year's disposals inside the report period, overall and per asset.</summary>
/// <param name="Year">The tax year.</param>
/// <param name="Totals">All disposals of the year.</param>
/// <param name="ByAsset">The same, per asset, in asset order.</param>
public sealed record YearTotals(TaxYear Year, GainTotals Totals, IReadOnlyList<AssetTotals> ByAsset);

using AllexPortal.Core.Assets;

namespace AllexPortal.Core.Tax;

/// <summary>The totals of one asset's disposals.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Totals">Its totals.</param>
public sealed record AssetTotals(Asset Asset, GainTotals Totals);

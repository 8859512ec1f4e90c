using AllexPortal.Core.Assets;

namespace AllexPortal.Core.Tax;

/// <summary>
/// The gain an asset's remaining lots would show if sold at the last hourly close of the period.
/// </summary>
/// <param name="Asset">The asset.</param>
/// <param name="Quantity">The quantity held at the period end (lots in transit excluded).</param>
/// <param name="CostBasis">The cost of that quantity.</param>
/// <param name="MarketValue">Its value at the period end; <c>null</c> when no price was available (a warning says so).</param>
public sealed record UnrealisedGain(Asset Asset, decimal Quantity, decimal CostBasis, decimal? MarketValue)
{
    /// <summary>Market value less cost; <c>null</c> when the market value is unknown.</summary>
    public decimal? Gain => MarketValue - CostBasis;
}

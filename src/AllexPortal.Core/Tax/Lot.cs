using AllexPortal.Core.Assets;

namespace AllexPortal.Core.Tax;

/// <summary>
/// Coins acquired together and still held (or in transit) at the end of a report period.
/// </summary>
/// <remarks>
/// Under average cost the lots show the pool's cost shared pro rata by quantity, so they add up to the pool.
/// </remarks>
/// <param name="Asset">The asset held.</param>
/// <param name="AcquisitionLedgerId">The ledger row that acquired it (a trade or a deposit).</param>
/// <param name="AcquiredAt">When it was acquired.</param>
/// <param name="Quantity">How much of it remains.</param>
/// <param name="CostBasis">The cost of what remains, in the report currency.</param>
public readonly record struct Lot(
    Asset Asset, long AcquisitionLedgerId, DateTimeOffset AcquiredAt, decimal Quantity, decimal CostBasis)
{
    /// <summary>Cost per unit.</summary>
    public decimal UnitCost => CostBasis / Quantity;
}

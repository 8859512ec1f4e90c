using AllexPortal.Core.Assets;

namespace AllexPortal.Core.Tax;

/// <summary>
/// One disposal matched against one lot: a line of a capital-gains schedule.
/// </summary>
/// <remarks>
/// A disposal that spans several lots yields several consecutive rows with the same <see cref="LedgerId"/>; the
/// proceeds are shared pro rata by quantity, the last row taking the remainder, so the rows of one disposal add
/// up exactly to its proceeds. A row with no <see cref="AcquisitionLedgerId"/> is an oversold shortfall: coins
/// sold that the ledger never saw arrive. It carries a zero cost basis and a matching
/// <see cref="TaxWarningKind.Oversold"/> warning.
/// </remarks>
/// <param name="LedgerId">The ledger row of the disposal.</param>
/// <param name="Kind">Why the asset was disposed of.</param>
/// <param name="Asset">The asset disposed of.</param>
/// <param name="DisposedAt">When it was disposed of.</param>
/// <param name="AcquisitionLedgerId">The ledger row that acquired the lot; <c>null</c> for a shortfall.</param>
/// <param name="AcquiredAt">When the lot was acquired; <c>null</c> for a shortfall.</param>
/// <param name="Quantity">How much of the lot was disposed of.</param>
/// <param name="Proceeds">This row's share of the proceeds, in the report currency.</param>
/// <param name="CostBasis">The cost of the quantity taken from the lot, in the report currency.</param>
/// <param name="HoldingPeriod">Short or long term, from the acquisition and disposal dates.</param>
public readonly record struct Disposal(
    long LedgerId,
    DisposalKind Kind,
    Asset Asset,
    DateTimeOffset DisposedAt,
    long? AcquisitionLedgerId,
    DateTimeOffset? AcquiredAt,
    decimal Quantity,
    decimal Proceeds,
    decimal CostBasis,
    HoldingPeriod HoldingPeriod)
{
    /// <summary>Proceeds less cost basis; negative for a loss.</summary>
    public decimal Gain => Proceeds - CostBasis;

    /// <summary>Whether this row is the unmatched part of an oversold disposal.</summary>
    public bool IsShortfall => AcquisitionLedgerId is null;
}

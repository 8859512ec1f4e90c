namespace AllexPortal.Core.Tax;

/// <summary>
/// Sums over a set of <see cref="Disposal"/> rows. <c>Gain == Proceeds - CostBasis</c> and
/// <c>Gain == ShortTermGain + LongTermGain</c> hold exactly.
/// </summary>
/// <param name="Proceeds">Total proceeds.</param>
/// <param name="CostBasis">Total cost basis.</param>
/// <param name="ShortTermGain">Gain on rows held for at most the threshold.</param>
/// <param name="LongTermGain">Gain on rows held for longer than the threshold.</param>
public readonly record struct GainTotals(decimal Proceeds, decimal CostBasis, decimal ShortTermGain, decimal LongTermGain)
{
    /// <summary>Total gain (negative for a net loss).</summary>
    public decimal Gain => Proceeds - CostBasis;

    /// <summary>The sums of two sets of rows.</summary>
    public static GainTotals operator +(GainTotals left, GainTotals right) => new(
        left.Proceeds + right.Proceeds, left.CostBasis + right.CostBasis,
        left.ShortTermGain + right.ShortTermGain, left.LongTermGain + right.LongTermGain);

    /// <summary>The sums of two sets of rows (the named form of <c>+</c>).</summary>
    public static GainTotals Add(GainTotals left, GainTotals right) => left + right;

    /// <summary>These totals with <paramref name="disposal"/> added.</summary>
    public GainTotals Add(in Disposal disposal) => disposal.HoldingPeriod == HoldingPeriod.LongTerm
        ? new(Proceeds + disposal.Proceeds, CostBasis + disposal.CostBasis, ShortTermGain, LongTermGain + disposal.Gain)
        : new(Proceeds + disposal.Proceeds, CostBasis + disposal.CostBasis, ShortTermGain + disposal.Gain, LongTermGain);
}

namespace AllexPortal.Core.Tax.Lots;

/// <summary>
/// Everything a run keeps for one asset: the lots held, the lots in transit, and the running totals of its
/// disposals per tax year, so a disposal finds all of them with one dictionary look-up.
/// </summary>
internal sealed class AssetAccount(CostBasisMethod method)
{
    private LotStore? _inTransit;

    public LotStore Held { get; } = LotStore.Create(method);

    /// <summary>Withdrawn lots, drawn on oldest first by later deposits.</summary>
    public LotStore InTransit => _inTransit ??= LotStore.Create(CostBasisMethod.Fifo);

    public Dictionary<TaxYear, GainTotals> TotalsByYear { get; } = [];

    public void CopyInTransitTo(List<HeldLot> lots) => _inTransit?.CopyTo(lots);
}

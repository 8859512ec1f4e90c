namespace AllexPortal.Core.Tax.Lots;

/// <summary>
/// Everything a run keeps for one asset: the lots held, the lots in transit, and the running totals of its
/// disposals per tax year, so a disposal finds all of them with one dictionary look-up.
/// </summary>
internal sealed class AssetAccount(CostBasisMethod method)
{
    private LotStore? _inTransit;
    private CostBasisMethod _method = method;

    public LotStore Held { get; private set; } = LotStore.Create(method);

    /// <summary>Withdrawn lots, drawn on oldest first by later deposits.</summary>
    public LotStore InTransit => _inTransit ??= LotStore.Create(CostBasisMethod.Fifo);

    private readonly Dictionary<TaxYear, GainTotals> _totalsByYear = [];
    private TaxYear _runningYear;
    private GainTotals _running;
    private bool _hasRunningYear;

    /// <summary>The totals of this asset's disposals per tax year, in the order the years were first reached.</summary>
    public Dictionary<TaxYear, GainTotals> TotalsByYear
    {
        get
        {
            if (_hasRunningYear)
            {
                _totalsByYear[_runningYear] = _running;
            }

            return _totalsByYear;
        }
    }

    /// <summary>
    /// Adds one disposal's totals to its tax year. Disposals arrive in time order, so the year being filled is
    /// kept in fields and written to the dictionary only when the year changes (or the totals are read), which
    /// spares a dictionary look-up per disposal; the additions, and their order, are the same.
    /// </summary>
    public void AddToYear(TaxYear year, GainTotals totals)
    {
        if (!_hasRunningYear || year != _runningYear)
        {
            if (_hasRunningYear)
            {
                _totalsByYear[_runningYear] = _running;
            }

            _totalsByYear.TryGetValue(year, out _running);
            _runningYear = year;
            _hasRunningYear = true;
        }

        _running += totals;
    }

    /// <summary>
    /// Carries the held lots over into a store for <paramref name="method"/> (a new tax year with another method;
    /// see <see cref="TaxReportOptions.MethodByTaxYear"/> for the rules into and out of a pool).
    /// </summary>
    public void SwitchTo(CostBasisMethod method)
    {
        if (method == _method)
        {
            return;
        }

        var lots = new List<HeldLot>();
        Held.CopyTo(lots);
        var next = LotStore.Create(method);
        if (_method == CostBasisMethod.AverageCost)
        {
            next.AddPooled(lots);
        }
        else
        {
            foreach (var lot in lots)
            {
                next.Add(lot);
            }
        }

        Held = next;
        _method = method;
    }

    public void CopyInTransitTo(List<HeldLot> lots) => _inTransit?.CopyTo(lots);
}

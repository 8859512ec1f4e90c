namespace AllexPortal.Core.Tax.Lots;

/// <summary>
/// The lots of one asset under one cost-basis method: what a disposal takes and in which order.
/// </summary>
internal abstract class LotStore
{
    /// <summary>The total quantity held.</summary>
    public abstract decimal Quantity { get; }

    /// <summary>Creates the store that implements <paramref name="method"/>.</summary>
    public static LotStore Create(CostBasisMethod method) => method switch
    {
        CostBasisMethod.Fifo => new SequentialLotStore(newestFirst: false),
        CostBasisMethod.Lifo => new SequentialLotStore(newestFirst: true),
        CostBasisMethod.Hifo => new HifoLotStore(),
        CostBasisMethod.AverageCost => new AverageCostLotStore(),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown cost-basis method."),
    };

    /// <summary>Adds an acquisition (or coins back from transit).</summary>
    public abstract void Add(in HeldLot lot);

    /// <summary>
    /// Adds the units of a pool being left (oldest first, each at the pool's average unit cost), which continue as
    /// one lot at the pooled cost. Stores that order by date need nothing more than <see cref="Add"/>.
    /// </summary>
    public virtual void AddPooled(List<HeldLot> pieces)
    {
        foreach (var piece in pieces)
        {
            Add(piece);
        }
    }

    /// <summary>
    /// Removes up to <paramref name="quantity"/>, appending the pieces taken (with their cost) to
    /// <paramref name="taken"/>, and returns the shortfall: the part that was not held.
    /// </summary>
    public abstract decimal Take(decimal quantity, List<HeldLot> taken);

    /// <summary>Appends the lots held, oldest first, to <paramref name="lots"/>.</summary>
    public abstract void CopyTo(List<HeldLot> lots);
}

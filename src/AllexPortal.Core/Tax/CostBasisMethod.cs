namespace AllexPortal.Core.Tax;

/// <summary>
/// The order in which a disposal consumes the lots of an asset, and so the cost basis it carries.
/// </summary>
/// <remarks>
/// Fees are treated the same way under every method (see <see cref="CostBasisEngine"/>): a fee on a purchase
/// adds to the cost of the lot acquired, a fee on a sale into the report currency reduces the proceeds, and a
/// fee paid in a third coin is itself a disposal of that coin. The methods differ only in which lots go first.
/// </remarks>
public enum CostBasisMethod
{
    /// <summary>First in, first out: the oldest lot is sold first.</summary>
    Fifo,

    /// <summary>Last in, first out: the newest lot is sold first.</summary>
    Lifo,

    /// <summary>
    /// Highest in, first out: the lot with the highest unit cost is sold first; equal unit costs go in
    /// acquisition order.
    /// </summary>
    Hifo,

    /// <summary>
    /// Average cost, pooled per asset like the UK section-104 pool: every unit of an asset carries the pool's
    /// average unit cost. The UK same-day and 30-day matching rules are <em>not</em> applied. A pool has no
    /// acquisition date of its own, so the dates (and so the holding period) of a disposal are taken from the
    /// pooled acquisitions in first-in, first-out order, while the cost is the pool average.
    /// </summary>
    AverageCost,
}

namespace AllexPortal.Web.Portfolio;

/// <summary>
/// A connection's newest recorded valuation, read back so a new circuit whose exchange is failing still has
/// last-known values to show: the usdt total and the per-coin amounts as of <see cref="TakenAt"/>.
/// </summary>
public sealed record StoredValuation(DateTimeOffset TakenAt, decimal TotalUsdt, IReadOnlyDictionary<string, decimal> Holdings);

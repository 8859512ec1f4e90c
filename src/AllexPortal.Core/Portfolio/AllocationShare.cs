namespace AllexPortal.Core.Portfolio;

/// <summary>
/// One coin of a portfolio as a member without amounts sees it: what part of the priced total it is and how its
/// price moved in 24 h, never how much of it there is or what it is worth. <see cref="Share"/> is a fraction
/// (0.25 = 25 %) rounded to <see cref="AllocationShares.ShareDecimals"/> places; it is zero for an unpriced coin,
/// which is listed (<see cref="IsPriced"/> false) but has no share of a total it is not counted in.
/// </summary>
public sealed record AllocationShare(string Coin, string Name, decimal Share, decimal? ChangePercent24h, bool IsPriced);

namespace AllexPortal.Web.Portfolio;

/// <summary>
/// One connection on the dashboard of a member without amounts: its label, what part of the combined value it is
/// and its 24 h change, both in percent, and what failed on its last refresh. Deliberately not a
/// <see cref="ConnectionPortfolio"/>: there is no valuation here to render by mistake.
/// </summary>
/// <param name="Id">The connection.</param>
/// <param name="Label">Its label.</param>
/// <param name="IsDemo">True for the sandbox's demo account.</param>
/// <param name="Share">Its fraction of the combined value (0.25 = 25 %); null when it or the whole is unknown.</param>
/// <param name="ChangePercent24h">Its 24 h change in percent had it held the same coins; null when unknown.</param>
/// <param name="Failure">What failed on its last refresh; null when it worked.</param>
/// <param name="ValuedAt">When the shares shown were loaded; null when there are none.</param>
public sealed record ConnectionShare(
    Guid Id,
    string Label,
    bool IsDemo,
    decimal? Share,
    decimal? ChangePercent24h,
    ConnectionFailure? Failure,
    DateTimeOffset? ValuedAt);

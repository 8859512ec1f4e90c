using AllexPortal.Core.Portfolio;
using AllexPortal.Web.Connections;

namespace AllexPortal.Web.Portfolio;

/// <summary>
/// One connection on the dashboard: its valuation as of <see cref="ValuedAt"/>, and what failed if the last
/// refresh did not succeed. A failed refresh with an earlier good result is <see cref="IsStale"/>: the earlier
/// values are kept and shown with the failure.
/// </summary>
public sealed record ConnectionPortfolio(
    ConnectionSummary Connection,
    PortfolioValuation? Valuation,
    DateTimeOffset? ValuedAt,
    ConnectionFailure? Failure)
{
    public bool IsStale => Failure is not null && Valuation is not null;
}

using AllexPortal.Core.Portfolio;

namespace AllexPortal.Web.Portfolio;

/// <summary>
/// The dashboard of a member whose role lacks <see cref="Access.PortalPermission.ViewAmounts"/>: allocation,
/// 24 h change and connections as percentages, built from a <see cref="PortfolioOverview"/> on the server and
/// holding none of its balances, prices, values or totals, so a page that renders it cannot leak one.
/// </summary>
public sealed record PortfolioShares(
    string Quote,
    IReadOnlyList<ConnectionShare> Connections,
    AllocationShares Combined,
    IReadOnlyList<string> QuoteChoices,
    DateTimeOffset LoadedAt)
{
    /// <summary>Connections whose last refresh failed.</summary>
    public IEnumerable<ConnectionShare> Failed => Connections.Where(c => c.Failure is not null);

    /// <summary>Everything of <paramref name="overview"/> that is not an amount.</summary>
    public static PortfolioShares Of(PortfolioOverview overview)
    {
        ArgumentNullException.ThrowIfNull(overview);
        var whole = overview.Combined.Total;
        return new PortfolioShares(
            overview.Quote,
            [.. overview.Connections.Select(c => new ConnectionShare(
                c.Connection.Id,
                c.Connection.Label,
                c.Connection.IsDemo,
                AllocationShares.ShareOf(c.Valuation?.Total, whole),
                c.Valuation is { } valuation ? AllocationShares.ChangeOf(valuation.Rows) : null,
                c.Failure,
                c.ValuedAt))],
            AllocationShares.Of(overview.Combined),
            overview.QuoteChoices,
            overview.LoadedAt);
    }
}

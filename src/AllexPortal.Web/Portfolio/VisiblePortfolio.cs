using AllexPortal.Core.Portfolio;
using AllexPortal.Web.Access;

namespace AllexPortal.Web.Portfolio;

/// <summary>
/// The dashboard's one way in: it asks <see cref="PortalAccess"/> what the member's role in the workspace allows and
/// hands the page either the full <see cref="PortfolioOverview"/> or, for a role without
/// <see cref="PortalPermission.ViewAmounts"/>, only its <see cref="PortfolioShares"/>, with the value history as an
/// index. Scoped per circuit, like the <see cref="PortfolioService"/> it reads through (whose last-good memory it
/// shares). Without amounts the dust threshold is fixed: a threshold the member could move in the quote currency
/// would let them find each coin's value by watching which rows disappear.
/// </summary>
public sealed class VisiblePortfolio(PortfolioService portfolio, SnapshotStore snapshots, PortalAccess access, TimeProvider time)
{
    /// <summary>The dust threshold (in the quote) of a dashboard without amounts.</summary>
    public const decimal SharesDustThreshold = 0.01m;

    /// <summary>Loads what <paramref name="userId"/> may see of <paramref name="workspaceId"/>'s portfolio.</summary>
    /// <exception cref="AccessDeniedException">The user is not a member of the workspace.</exception>
    public async Task<DashboardView> LoadAsync(
        string userId, Guid? workspaceId, string quote, decimal dustThreshold, CancellationToken cancellationToken = default)
    {
        var grant = await access.DemandWorkspaceAsync(userId, workspaceId, PortalPermission.View, cancellationToken);
        if (grant.Allows(PortalPermission.ViewAmounts))
        {
            return DashboardView.WithAmounts(await portfolio.LoadAsync(userId, workspaceId, quote, dustThreshold, cancellationToken));
        }

        var overview = await portfolio.LoadAsync(userId, workspaceId, quote, SharesDustThreshold, cancellationToken);
        return DashboardView.WithoutAmounts(PortfolioShares.Of(overview));
    }

    /// <summary>The summed value over <paramref name="range"/> of a full view's connections, in usdt.</summary>
    public Task<IReadOnlyList<ValuePoint>> HistoryAsync(PortfolioOverview overview, HistoryRange range, CancellationToken cancellationToken = default) =>
        portfolio.HistoryAsync(overview, range, cancellationToken);

    /// <summary>
    /// The combined value of <paramref name="shares"/>' connections over <paramref name="range"/> as an index (100 at
    /// the start), built from the same snapshots as the full chart; only connections the user may still view in the
    /// workspace count.
    /// </summary>
    /// <exception cref="AccessDeniedException">The user is not a member of the workspace.</exception>
    public async Task<IReadOnlyList<IndexPoint>> IndexAsync(
        string userId, Guid? workspaceId, PortfolioShares shares, HistoryRange range, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shares);
        await access.DemandWorkspaceAsync(userId, workspaceId, PortalPermission.View, cancellationToken);
        var visible = (await access.ConnectionsAsync(userId, workspaceId, PortalPermission.View, cancellationToken)).ToHashSet();
        var from = range.StartBefore(time.GetUtcNow());
        var series = await snapshots.SeriesAsync([.. shares.Connections.Select(c => c.Id).Where(visible.Contains)], from, cancellationToken);
        return ValueIndex.Rebase(ValueHistory.Combine(series, from));
    }
}

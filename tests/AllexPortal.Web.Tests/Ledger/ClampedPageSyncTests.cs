using AllexPortal.Web.Ledger;

namespace AllexPortal.Web.Tests.Ledger;

/// <summary>An exchange that serves fewer rows per page than asked: the sync notices on page 1 and pages with the
/// size it is served, so nothing between the served and the asked size is skipped.</summary>
public sealed class ClampedPageSyncTests(ClampedPageLedgerPortal portal) : IClassFixture<ClampedPageLedgerPortal>
{
    [Fact]
    public async Task Sync_against_a_clamped_page_size_still_copies_every_fill()
    {
        var (userId, connectionId) = await portal.CreateUserWithDemoConnectionAsync();

        var result = await portal.Coordinator.SyncNowAsync(userId, connectionId, TestContext.Current.CancellationToken);

        var truth = portal.Sandbox.TradesOf(portal.DemoEmail);
        Assert.True(result.Succeeded);
        Assert.Equal(LedgerTruth.Trades(truth), LedgerTruth.Trades(await portal.TradesAsync(connectionId)));
        Assert.Equal((int)Math.Ceiling(truth.Count / (double)ClampedPageLedgerPortal.ServedPageSize), result.Of(LedgerKind.Trades)!.Pages);
    }
}

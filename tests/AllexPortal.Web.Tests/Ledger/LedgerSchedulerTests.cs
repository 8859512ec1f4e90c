using AllexPortal.Web.Data;
using AllexPortal.Web.Demo;
using AllexPortal.Web.Ledger;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Ledger;

/// <summary>Syncs nobody asked for: the demo account's right after start, and a connection just added.</summary>
public sealed class LedgerSchedulerTests(SchedulerLedgerPortal portal) : IClassFixture<SchedulerLedgerPortal>
{
    [Fact]
    public async Task Demo_accounts_connection_is_synced_soon_after_start()
    {
        string demoUserId;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            demoUserId = (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(DemoAccount.Email))!.Id;
        }

        await Eventually.TrueAsync(async () =>
            (await portal.Coordinator.StatusAsync(demoUserId, TestContext.Current.CancellationToken)) is { Count: 4 } all && all.All(s => s.Complete));

        var statuses = await portal.Coordinator.StatusAsync(demoUserId, TestContext.Current.CancellationToken);
        Assert.Equal(portal.Sandbox.TradesOf(portal.DemoEmail).Count, statuses.Single(s => s.Kind == LedgerKind.Trades).RowCount);
    }

    [Fact]
    public async Task Connection_added_later_gets_its_first_sync_without_being_asked()
    {
        var (userId, connectionId) = await portal.CreateUserWithDemoConnectionAsync();

        await Eventually.TrueAsync(async () =>
            (await portal.Coordinator.StatusAsync(userId, TestContext.Current.CancellationToken)).All(s => s.Complete));

        Assert.Equal(LedgerTruth.Trades(portal.Sandbox.TradesOf(portal.DemoEmail)), LedgerTruth.Trades(await portal.TradesAsync(connectionId)));
    }
}

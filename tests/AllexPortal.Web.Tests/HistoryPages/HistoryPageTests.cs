using System.Globalization;
using System.Security.Claims;
using AllexPortal.Exchange.Market;
using AllexPortal.Web.Access;
using AllexPortal.Web.Components.Pages.History;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.Explorers;
using AllexPortal.Web.History;
using AllexPortal.Web.Ledger;
using AllexPortal.Web.Orders;
using AllexPortal.Web.Teams;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AllexPortal.Web.Tests.HistoryPages;

/// <summary>
/// The history page and its grids rendered with bUnit over the portal's real services (ledger rows in real SQLite,
/// order cancels over HTTP to the embedded sandbox).
/// </summary>
public sealed class HistoryPageTests : BunitContext, IClassFixture<HistoryPagesPortal>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly HistoryPagesPortal portal;
    private readonly AsyncServiceScope scope;

    public HistoryPageTests(HistoryPagesPortal portal)
    {
        this.portal = portal;
        scope = portal.Services.CreateAsyncScope();
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLogging();
        var circuit = scope.ServiceProvider;
        Services.AddSingleton(circuit.GetRequiredService<ConnectionService>());
        Services.AddSingleton(circuit.GetRequiredService<HistoryService>());
        Services.AddSingleton(circuit.GetRequiredService<OrderCancellation>());
        Services.AddSingleton(circuit.GetRequiredService<CurrentWorkspace>());
        Services.AddSingleton(circuit.GetRequiredService<PortalAccess>());
        Services.AddSingleton(circuit.GetRequiredService<UserManager<PortalUser>>());
        Services.AddSingleton(portal.Services.GetRequiredService<LedgerSyncCoordinator>());
        Services.AddSingleton(portal.Services.GetRequiredService<ExplorerLinks>());
        Services.AddSingleton(portal.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task A_user_without_connections_is_sent_to_the_connections_page()
    {
        var page = RenderPage(await portal.NewUserAsync(), "history/trades");

        var empty = page.WaitForElement("[data-testid=history-empty]", Wait);

        Assert.Equal("/connections", empty.QuerySelector("[data-testid=add-connection]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task A_connection_never_synced_says_the_first_sync_is_running()
    {
        var (userId, _) = await portal.NewUserWithDemoConnectionAsync(canTrade: false);

        var page = RenderPage(userId, "history/trades");

        page.WaitForElement("[data-testid=history-first-sync]", Wait);
        page.WaitForAssertion(() => Assert.Contains("first sync is running", page.Find("[data-testid=history-no-rows]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal("Never synced", page.Find("[data-testid=sync-last]").TextContent);
    }

    [Fact]
    public async Task Synced_trades_show_with_their_totals_and_a_download_link_for_the_filter()
    {
        var (userId, connectionId) = await portal.NewUserWithDemoConnectionAsync(canTrade: false);
        await portal.AddTradesAsync(connectionId, Trade("btc-usdt", 0.5m, 40_000m, 1), Trade("btc-usdt", 0.25m, 42_000m, 2), Trade("eth-usdt", 2m, 2_000m, 3));
        await MarkSyncedAsync(connectionId);

        var page = RenderPage(userId, "history/trades?symbol=btc-usdt");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=trade-symbol]").Count), Wait);
        // The grid shows its rows in its own render; the totals above it follow in the page's next one.
        page.WaitForAssertion(() => Assert.Equal("2", page.Find("[data-testid=total-count]").TextContent), Wait);
        Assert.Contains("30,500 USDT", page.Find("[data-testid=total-volume]").TextContent, StringComparison.Ordinal);
        Assert.Equal("/history/trades.csv?symbol=btc-usdt", page.Find("[data-testid=download-csv]").GetAttribute("href"));
        Assert.Contains("Synced just now", page.Find("[data-testid=sync-last]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filter_that_matches_nothing_says_so()
    {
        var (userId, connectionId) = await portal.NewUserWithDemoConnectionAsync(canTrade: false);
        await portal.AddTradesAsync(connectionId, Trade("btc-usdt", 1m, 40_000m, 1));
        await MarkSyncedAsync(connectionId);

        var page = RenderPage(userId, "history/trades?symbol=sol-usdt");

        page.WaitForAssertion(() => Assert.Equal("No trades match this filter.", page.Find("[data-testid=history-no-rows]").TextContent), Wait);
        Assert.Equal("0", page.Find("[data-testid=total-count]").TextContent);
    }

    [Fact]
    public async Task A_filter_the_ledger_refuses_shows_the_reason_and_keeps_the_page()
    {
        var (userId, connectionId) = await portal.NewUserWithDemoConnectionAsync(canTrade: false);
        await MarkSyncedAsync(connectionId);

        var page = RenderPage(userId, "history/orders?status=bogus");

        page.WaitForAssertion(() => Assert.Contains("Unknown status 'bogus'", page.Find("[data-testid=history-problem]").TextContent, StringComparison.Ordinal), Wait);
        Assert.NotEmpty(page.FindAll("[data-testid=sync-panel]"));
    }

    [Fact]
    public async Task An_unreadable_filter_in_the_address_is_ignored_with_a_notice()
    {
        var (userId, connectionId) = await portal.NewUserWithDemoConnectionAsync(canTrade: false);
        await MarkSyncedAsync(connectionId);

        var page = RenderPage(userId, "history/trades?from=yesterday-ish");

        page.WaitForAssertion(() => Assert.Contains("was ignored", page.Find("[data-testid=history-problem]").TextContent, StringComparison.Ordinal), Wait);
    }

    [Fact]
    public async Task Cancel_shows_only_on_open_orders_of_connections_whose_key_may_trade()
    {
        var userId = await portal.NewUserAsync();
        var trading = await portal.AddDemoConnectionAsync(userId, canTrade: true, "Trading");
        var readOnly = await portal.AddDemoConnectionAsync(userId, canTrade: false, "Read only");
        var open = new[] { await portal.PlaceOpenOrderAsync(), await portal.PlaceOpenOrderAsync(), await portal.PlaceOpenOrderAsync() };
        await portal.CopyToLedgerAsync(trading, open[0]);
        await portal.CopyToLedgerAsync(readOnly, open[1]);
        await portal.CopyToLedgerAsync(trading, open[2] with { Status = "filled" });

        var grid = await RenderOrdersAsync(userId);

        grid.WaitForAssertion(() => Assert.Equal(3, grid.FindAll("[data-testid=order-status]").Count), Wait);
        var cancels = grid.FindAll("[data-testid=cancel-order]");
        Assert.Equal([open[0].Id], cancels.Select(c => c.GetAttribute("data-order")));
    }

    [Fact]
    public async Task Keeping_the_order_in_the_confirmation_sends_nothing()
    {
        var (userId, connectionId) = await portal.NewUserWithDemoConnectionAsync(canTrade: true);
        var order = await portal.PlaceOpenOrderAsync();
        await portal.CopyToLedgerAsync(connectionId, order);
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var dialogs = Render<MudDialogProvider>();
        var grid = await RenderOrdersAsync(userId);

        grid.WaitForElement("[data-testid=cancel-order]", Wait);
        await grid.InvokeAsync(() => grid.Find("[data-testid=cancel-order]").Click());
        var keep = dialogs.WaitForElement(".mud-dialog", Wait).QuerySelectorAll("button").Single(b => b.TextContent.Contains("Keep it", StringComparison.Ordinal));
        await dialogs.InvokeAsync(() => keep.Click());

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")), Wait);
        Assert.Contains(OpenOrders(), o => o.Id == order.Id);
        Assert.Empty(grid.FindAll("[data-testid=cancel-result]"));
    }

    [Fact]
    public async Task Confirming_the_cancel_cancels_on_the_exchange_and_shows_its_answer()
    {
        var (userId, connectionId) = await portal.NewUserWithDemoConnectionAsync(canTrade: true);
        var order = await portal.PlaceOpenOrderAsync();
        await portal.CopyToLedgerAsync(connectionId, order);
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var dialogs = Render<MudDialogProvider>();
        var grid = await RenderOrdersAsync(userId);

        grid.WaitForElement("[data-testid=cancel-order]", Wait);
        // Found and clicked on the renderer's thread: the grid re-renders as its rows and totals arrive.
        await grid.InvokeAsync(() => grid.Find("[data-testid=cancel-order]").Click());
        var confirm = dialogs.WaitForElement(".mud-dialog", Wait).QuerySelectorAll("button").Single(b => b.TextContent.Contains("Cancel order", StringComparison.Ordinal));
        await dialogs.InvokeAsync(() => confirm.Click());

        grid.WaitForAssertion(() => Assert.Contains("was cancelled", grid.Find("[data-testid=cancel-result]").TextContent, StringComparison.Ordinal), Wait);
        Assert.DoesNotContain(OpenOrders(), o => o.Id == order.Id);
        grid.WaitForAssertion(() => Assert.Equal("canceled", grid.Find("[data-testid=order-status]").TextContent), Wait);
        Assert.Empty(grid.FindAll("[data-testid=cancel-order]"));
    }

    private IRenderedComponent<HistoryView> RenderPage(string userId, string relativeUri)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized("viewer").SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<MudPopoverProvider>();
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(relativeUri);
        var tab = relativeUri.Split('?')[0].Split('/')[^1];
        return Render<HistoryView>(p => p.Add(x => x.Tab, tab));
    }

    private async Task<IRenderedComponent<OrdersGrid>> RenderOrdersAsync(string userId)
    {
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<MudPopoverProvider>();
        var tradable = await scope.ServiceProvider.GetRequiredService<OrderCancellation>().TradableConnectionsAsync(userId, Xunit.TestContext.Current.CancellationToken);
        var connections = await scope.ServiceProvider.GetRequiredService<ConnectionService>().ListAsync(userId, Xunit.TestContext.Current.CancellationToken);
        return Render<OrdersGrid>(p => p.Add(x => x.UserId, userId).Add(x => x.Tradable, tradable).Add(x => x.Connections, connections));
    }

    private async Task MarkSyncedAsync(Guid connectionId)
    {
        await using var db = await portal.CreateDbAsync();
        var now = DateTimeOffset.UtcNow;
        foreach (var kind in Enum.GetValues<LedgerKind>())
        {
            db.LedgerSyncStates.Add(new LedgerSyncState { ConnectionId = connectionId, Kind = kind, Complete = true, LastSuccessAt = now, LastAttemptAt = now });
        }

        await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
    }

    private static LedgerTrade Trade(string symbol, decimal size, decimal price, int minute)
    {
        var coins = symbol.Split('-');
        var at = new DateTimeOffset(2026, 1, 10, 12, minute, 0, TimeSpan.Zero);
        return new LedgerTrade
        {
            Key = $"{symbol}-{minute}#0",
            Symbol = symbol,
            BaseCurrency = coins[0],
            QuoteCurrency = coins[1],
            Side = OrderSide.Buy,
            Size = size,
            Price = price,
            QuoteAmount = size * price,
            Fee = 0.001m,
            FeeCoin = coins[0],
            OrderId = $"order-{minute}",
            Timestamp = at,
            SyncedAt = at,
        };
    }

    private List<AllexPortal.Sandbox.SandboxOrder> OpenOrders() =>
        [.. portal.Sandbox.LiveOrdersOf(portal.DemoEmail).Where(o => o.Status is "new" or "pfilled")];

    protected override async ValueTask DisposeAsyncCore()
    {
        await scope.DisposeAsync();
        await base.DisposeAsyncCore();
    }
}

using System.Globalization;
using System.Net;
using System.Security.Claims;
using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Market;
using AllexPortal.Web.Access;
using AllexPortal.Web.Amounts;
using AllexPortal.Web.Components.Pages.History;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.Explorers;
using AllexPortal.Web.History;
using AllexPortal.Web.Ledger;
using AllexPortal.Web.Orders;
using AllexPortal.Web.Teams;
using AllexPortal.Web.Tests.Teams;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;

namespace AllexPortal.Web.Tests.Amounts;

/// <summary>
/// The real history pages of a team whose shared connection has ledger rows with distinctive amounts, rendered for its
/// Viewer and its Viewer without amounts, and the CSV export asked for over HTTP by each. The second sees time, pair,
/// side, status and counts, and no size, price, volume, amount, fee, address or transaction, and is offered no export
/// (the endpoint refuses it too); the first sees the amounts, so the checks can fail.
/// </summary>
public sealed class HistoryByRoleTests : BunitContext, IClassFixture<AmountsPortal>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset T0 = new(2026, 3, 4, 9, 0, 0, TimeSpan.Zero);
    private readonly AmountsPortal portal;
    private readonly AsyncServiceScope circuit;
    private Team team = null!;

    private static readonly LedgerTrade[] Trades =
    [
        Trade("btc-usdt", OrderSide.Buy, 0.123457m, 41_234.57m, 1),
        Trade("eth-usdt", OrderSide.Sell, 3.456789m, 2_345.678m, 2),
    ];

    private static readonly LedgerOrder[] Orders =
    [
        Order("a", "filled", 1.234567m, 1.234567m, 1),
        Order("b", "canceled", 7.654321m, 0m, 2),
        Order("c", "canceled", 2.5m, 0.625m, 3),
    ];

    private static readonly LedgerTransfer[] Deposits =
    [
        Deposit(12.345678m, TransactionState.Completed, 1),
        Deposit(0.987654m, TransactionState.Pending, 2),
    ];

    public HistoryByRoleTests(AmountsPortal portal)
    {
        this.portal = portal;
        circuit = portal.Services.CreateAsyncScope();
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLogging();
        var services = circuit.ServiceProvider;
        Services.AddSingleton(services.GetRequiredService<ConnectionService>());
        Services.AddSingleton(services.GetRequiredService<HistoryService>());
        Services.AddSingleton(services.GetRequiredService<HistoryWithoutAmounts>());
        Services.AddSingleton(services.GetRequiredService<OrderCancellation>());
        Services.AddSingleton(services.GetRequiredService<PortalAccess>());
        Services.AddSingleton(services.GetRequiredService<UserManager<PortalUser>>());
        Services.AddSingleton(portal.Services.GetRequiredService<LedgerSyncCoordinator>());
        Services.AddSingleton(portal.Services.GetRequiredService<ExplorerLinks>());
        Services.AddSingleton(portal.Services.GetRequiredService<TimeProvider>());
        Services.AddScoped(sp => new CurrentWorkspace(
            sp.GetRequiredService<AuthenticationStateProvider>(), services.GetRequiredService<PortalAccess>(),
            services.GetRequiredService<IDbContextFactory<PortalDb>>(), services.GetRequiredService<IOptions<IdentityOptions>>()));
    }

    public async ValueTask InitializeAsync()
    {
        team = await portal.TeamAsync();
        await using var db = await portal.DbAsync();
        foreach (var row in Trades.Select(Copy))
        {
            row.ConnectionId = team.ConnectionId;
            db.LedgerTrades.Add(row);
        }

        foreach (var row in Orders.Select(Copy))
        {
            row.ConnectionId = team.ConnectionId;
            db.LedgerOrders.Add(row);
        }

        foreach (var row in Deposits.Select(Copy))
        {
            row.ConnectionId = team.ConnectionId;
            db.LedgerTransfers.Add(row);
        }

        var now = portal.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var kind in Enum.GetValues<LedgerKind>())
        {
            db.LedgerSyncStates.Add(new LedgerSyncState { ConnectionId = team.ConnectionId, Kind = kind, Complete = true, LastSuccessAt = now, LastAttemptAt = now });
        }

        await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Trades_without_amounts_show_pair_and_side_and_no_size_price_volume_or_fee()
    {
        var page = await RenderForAsync(team.Member(WorkspaceRole.ViewerWithoutAmounts), "history/trades");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=trade-symbol]").Count), Patience);
        Assert.Equal(["ETH-USDT", "BTC-USDT"], page.FindAll("[data-testid=trade-symbol]").Select(e => e.TextContent));
        Assert.Equal("2", page.Find("[data-testid=total-count]").TextContent);
        Assert.Empty(AmountStrings.FoundIn(page.Markup, AmountStrings.OfAll(Trades.SelectMany(AmountsOf))));
        Assert.Empty(page.FindAll("[data-testid=total-volume], [data-testid=total-fees]"));
    }

    [Fact]
    public async Task Trades_without_amounts_offer_no_download_and_no_id_search()
    {
        var page = await RenderForAsync(team.Member(WorkspaceRole.ViewerWithoutAmounts), "history/trades");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=trade-symbol]").Count), Patience);
        Assert.Empty(page.FindAll("[data-testid=download-csv], [data-testid=exchange-csv], [data-testid=filter-search]"));
    }

    [Fact]
    public async Task Orders_without_amounts_show_counts_per_status_and_the_filled_part_in_percent()
    {
        var page = await RenderForAsync(team.Member(WorkspaceRole.ViewerWithoutAmounts), "history/orders");

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=order-status]").Count), Patience);
        Assert.Equal("By status canceled 2 · filled 1", string.Join(' ', page.Find("[data-testid=total-statuses]").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.Contains("25 %", page.Markup, StringComparison.Ordinal);
        Assert.Empty(AmountStrings.FoundIn(page.Markup, AmountStrings.OfAll(Orders.SelectMany(AmountsOf))));
    }

    [Fact]
    public async Task Deposits_without_amounts_show_currency_and_state_and_no_amount_address_or_transaction()
    {
        var page = await RenderForAsync(team.Member(WorkspaceRole.ViewerWithoutAmounts), "history/deposits");

        page.WaitForAssertion(() => Assert.Equal("2", page.Find("[data-testid=total-count]").TextContent), Patience);
        page.WaitForAssertion(() => Assert.Contains("pending", page.Find("[data-testid=transfers-grid]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Empty(AmountStrings.FoundIn(page.Markup, AmountStrings.OfAll(Deposits.SelectMany(d => new[] { d.Amount, d.Fee }))));
        Assert.All(Deposits, d => Assert.DoesNotContain(d.Address!, page.Markup, StringComparison.Ordinal));
        Assert.All(Deposits, d => Assert.DoesNotContain(d.TransactionId![..8], page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_viewer_sees_the_amounts_and_the_download_the_other_member_does_not()
    {
        var page = await RenderForAsync(team.Member(WorkspaceRole.Viewer), "history/trades");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=trade-symbol]").Count), Patience);
        Assert.NotEmpty(AmountStrings.FoundIn(page.Markup, AmountStrings.OfAll(Trades.SelectMany(AmountsOf))));
        Assert.NotEmpty(page.FindAll("[data-testid=download-csv]"));
    }

    [Fact]
    public async Task The_csv_export_refuses_a_viewer_without_amounts()
    {
        using var client = await portal.SignedInAsync(team.Member(WorkspaceRole.ViewerWithoutAmounts));

        using var response = await client.GetAsync($"/history/trades.csv?workspace={team.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(AmountStrings.FoundIn(await response.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken), AmountStrings.OfAll(Trades.SelectMany(AmountsOf))));
    }

    [Fact]
    public async Task The_exchanges_own_csv_refuses_a_viewer_without_amounts()
    {
        using var client = await portal.SignedInAsync(team.Member(WorkspaceRole.ViewerWithoutAmounts));

        using var response = await client.GetAsync(HistoryExportEndpoints.ExchangeExportPath(team.ConnectionId, "trades.csv", team.Id));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_csv_export_gives_a_viewer_the_amounts()
    {
        using var client = await portal.SignedInAsync(team.Member(WorkspaceRole.Viewer));

        using var response = await client.GetAsync($"/history/trades.csv?workspace={team.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(AmountStrings.FoundIn(await response.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken), AmountStrings.OfAll(Trades.SelectMany(AmountsOf))));
    }

    public new async ValueTask DisposeAsync()
    {
        await circuit.DisposeAsync();
        await base.DisposeAsync();
    }

    private async Task<IRenderedComponent<HistoryView>> RenderForAsync(TeamUser member, string relativeUri)
    {
        AddAuthorization().SetAuthorized(member.Email).SetClaims(new Claim(ClaimTypes.NameIdentifier, member.Id));
        await Services.GetRequiredService<CurrentWorkspace>().SwitchAsync(team.Id);
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<MudPopoverProvider>();
        Services.GetRequiredService<NavigationManager>().NavigateTo(relativeUri);
        return Render<HistoryView>(p => p.Add(x => x.Tab, relativeUri.Split('/')[^1]));
    }

    private static IEnumerable<decimal> AmountsOf(LedgerTrade t) => [t.Size, t.Price, t.QuoteAmount, t.Fee];

    private static IEnumerable<decimal> AmountsOf(LedgerOrder o) => [o.Size, o.Price!.Value, o.Filled, o.Fee];

    private static LedgerTrade Copy(LedgerTrade t) => new()
    {
        Key = t.Key, Symbol = t.Symbol, BaseCurrency = t.BaseCurrency, QuoteCurrency = t.QuoteCurrency, Side = t.Side, Size = t.Size,
        Price = t.Price, QuoteAmount = t.QuoteAmount, Fee = t.Fee, FeeCoin = t.FeeCoin, OrderId = t.OrderId, Timestamp = t.Timestamp, SyncedAt = t.SyncedAt,
    };

    private static LedgerOrder Copy(LedgerOrder o) => new()
    {
        ExchangeId = o.ExchangeId, Symbol = o.Symbol, BaseCurrency = o.BaseCurrency, QuoteCurrency = o.QuoteCurrency, Side = o.Side, Type = o.Type,
        Size = o.Size, Price = o.Price, Filled = o.Filled, Status = o.Status, IsOpen = o.IsOpen, Fee = o.Fee, FeeCoin = o.FeeCoin,
        CreatedAt = o.CreatedAt, SyncedAt = o.SyncedAt,
    };

    private static LedgerTransfer Copy(LedgerTransfer t) => new()
    {
        Direction = t.Direction, ExchangeId = t.ExchangeId, Currency = t.Currency, Amount = t.Amount, Fee = t.Fee, FeeCoin = t.FeeCoin,
        Address = t.Address, TransactionId = t.TransactionId, Network = t.Network, State = t.State, CreatedAt = t.CreatedAt, SyncedAt = t.SyncedAt,
    };

    private static LedgerTrade Trade(string symbol, OrderSide side, decimal size, decimal price, int minute) =>
        AmountRows.Trade(symbol, side, size, price, T0.AddMinutes(minute), T0);

    private static LedgerOrder Order(string id, string status, decimal size, decimal filled, int minute) => new()
    {
        ExchangeId = $"order-{id}",
        Symbol = "btc-usdt",
        BaseCurrency = "btc",
        QuoteCurrency = "usdt",
        Side = OrderSide.Buy,
        Type = "limit",
        Size = size,
        Price = 39_876.54m,
        Filled = filled,
        Status = status,
        IsOpen = false,
        Fee = 0.00234567m,
        FeeCoin = "btc",
        CreatedAt = T0.AddMinutes(minute),
        SyncedAt = T0,
    };

    private static LedgerTransfer Deposit(decimal amount, TransactionState state, int minute) => new()
    {
        Direction = TransferDirection.Deposit,
        ExchangeId = 7_000 + minute,
        Currency = "btc",
        Amount = amount,
        Fee = 0.00034567m,
        FeeCoin = "btc",
        Address = $"bc1qdistinct{minute}address",
        TransactionId = $"c0ffee{minute}deadbeefcafebabe0123456789",
        Network = "btc",
        State = state,
        CreatedAt = T0.AddMinutes(minute),
        SyncedAt = T0,
    };
}

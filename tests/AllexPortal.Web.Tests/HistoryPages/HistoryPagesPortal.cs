using AllexPortal.Exchange;
using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Trading;
using AllexPortal.Web.Exchange;
using AllexPortal.Exchange.Security;
using AllexPortal.Sandbox;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.Ledger;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.HistoryPages;

/// <summary>
/// The portal in demo mode on a real loopback port, with connections to the sandbox's demo user whose stored
/// trade permission a test chooses, and direct access to the ledger tables for arranging rows.
/// </summary>
public sealed class HistoryPagesPortal : ListeningPortal
{
    /// <summary>The background sync stays off: tests arrange ledger rows themselves and a sync would race them.</summary>
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Ledger:SyncInterval"] = "00:00:00",
        ["Ledger:DiscoveryInterval"] = "00:00:00",
    };

    public SandboxExchange Sandbox => Services.GetRequiredService<SandboxExchange>();

    /// <summary>The sandbox demo user's e-mail, the key to its truth (<see cref="SandboxExchange.LiveOrdersOf"/>).</summary>
    public string DemoEmail => Sandbox.Options.Demo.Email;

    /// <summary>A new portal user with a connection to the sandbox demo user whose key is stored as able to trade or not.</summary>
    public async Task<(string UserId, Guid ConnectionId)> NewUserWithDemoConnectionAsync(bool canTrade)
    {
        var userId = await NewUserAsync();
        return (userId, await AddDemoConnectionAsync(userId, canTrade));
    }

    public Task<Guid> AddDemoConnectionAsync(string userId, bool canTrade, string label = "Sandbox demo") =>
        AddSandboxConnectionAsync(userId, label, new ApiKeyCredentials(Sandbox.Options.Demo.ApiKey, Sandbox.Options.Demo.ApiSecret),
            canTrade, TestContext.Current.CancellationToken);

    /// <summary>Places a resting limit buy of the sandbox demo user at half the market price (so it stays open) and
    /// returns it as the sandbox holds it.</summary>
    public async Task<SandboxOrder> PlaceOpenOrderAsync(string symbol = "btc-usdt")
    {
        var demo = Sandbox.Options.Demo;
        var client = Services.GetRequiredService<IAllexClientFactory>()
            .ForApiKey(Services.GetRequiredService<PortalExchangeEndpoint>().BaseUrl, new ApiKeyCredentials(demo.ApiKey, demo.ApiSecret));
        var price = Math.Floor(Sandbox.PriceOf(symbol) / 2m);
        var size = symbol switch { "btc-usdt" => 0.001m, "eth-usdt" => 0.01m, _ => 0.1m };
        var order = await client.Trading.CreateOrderAsync(
            new CreateOrderRequest { Symbol = symbol, Side = OrderSide.Buy, Size = size, Type = OrderType.Limit, Price = price },
            TestContext.Current.CancellationToken);
        return Sandbox.LiveOrdersOf(DemoEmail).Single(o => o.Id == order.Id);
    }

    /// <summary>Adds fills to a connection's ledger, as a sync would.</summary>
    public async Task AddTradesAsync(Guid connectionId, params LedgerTrade[] trades)
    {
        await using var db = await CreateDbAsync();
        foreach (var trade in trades)
        {
            trade.ConnectionId = connectionId;
        }

        db.LedgerTrades.AddRange(trades);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Copies one of the sandbox's live orders into a connection's ledger, as a sync would.</summary>
    public async Task<LedgerOrder> CopyToLedgerAsync(Guid connectionId, SandboxOrder order)
    {
        var coins = order.Symbol.Split('-');
        var row = new LedgerOrder
        {
            ConnectionId = connectionId,
            ExchangeId = order.Id,
            Symbol = order.Symbol,
            BaseCurrency = coins[0],
            QuoteCurrency = coins[1],
            Side = order.Side == "buy" ? OrderSide.Buy : OrderSide.Sell,
            Type = order.Type,
            Size = order.Size,
            Price = order.Price,
            Filled = order.Filled,
            Status = order.Status,
            IsOpen = order.Status is "new" or "pfilled",
            CreatedAt = order.CreatedAt,
            SyncedAt = order.CreatedAt,
        };
        await using var db = await CreateDbAsync();
        db.LedgerOrders.Add(row);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return row;
    }

    public async Task<PortalDb> CreateDbAsync() =>
        await Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
}

using System.Text.Json;
using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Market;
using AllexPortal.Web.Amounts;
using AllexPortal.Web.History;
using AllexPortal.Web.Ledger;
using AllexPortal.Web.Tests.HistoryPages;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Amounts;

/// <summary>
/// <see cref="HistoryWithoutAmounts"/> over ledger rows in real SQLite: the rows and totals it returns keep time,
/// pair, side, type, status and counts, and carry none of the sizes, prices, volumes, amounts or fees.
/// </summary>
public sealed class HistoryWithoutAmountsTests(HistoryPagesPortal portal) : IClassFixture<HistoryPagesPortal>, IAsyncDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 2, 3, 10, 0, 0, TimeSpan.Zero);
    private readonly AsyncServiceScope circuit = portal.Services.CreateAsyncScope();

    [Fact]
    public async Task Trades_keep_time_pair_and_side_and_lose_every_amount()
    {
        var (userId, connectionId) = await portal.NewUserWithDemoConnectionAsync(canTrade: false);
        var trades = new[] { Trade("btc-usdt", OrderSide.Buy, 0.123456m, 41_234.56m, 1), Trade("eth-usdt", OrderSide.Sell, 3.456789m, 2_345.678m, 2) };
        await portal.AddTradesAsync(connectionId, trades);

        var page = await Service().TradesAsync(userId, new HistoryQuery(), TestContext.Current.CancellationToken);

        Assert.Equal([("eth-usdt", OrderSide.Sell, T0.AddMinutes(2)), ("btc-usdt", OrderSide.Buy, T0.AddMinutes(1))],
            page.Rows.Select(r => (r.Symbol, r.Side, r.Timestamp)));
        Assert.Equal(2, page.Totals.Count);
        Assert.Empty(AmountStrings.FoundIn(JsonSerializer.Serialize(page), AmountStrings.OfAll(trades.SelectMany(AmountsOf))));
    }

    [Fact]
    public async Task The_full_history_of_the_same_trades_does_carry_their_amounts()
    {
        var (userId, connectionId) = await portal.NewUserWithDemoConnectionAsync(canTrade: false);
        var trades = new[] { Trade("btc-usdt", OrderSide.Buy, 0.123456m, 41_234.56m, 1) };
        await portal.AddTradesAsync(connectionId, trades);

        var page = await circuit.ServiceProvider.GetRequiredService<HistoryService>().TradesAsync(userId, new HistoryQuery(), TestContext.Current.CancellationToken);

        Assert.NotEmpty(AmountStrings.FoundIn(JsonSerializer.Serialize(page), AmountStrings.OfAll(trades.SelectMany(AmountsOf))));
    }

    [Fact]
    public async Task Orders_keep_status_counts_and_the_filled_part_in_percent_only()
    {
        var (userId, connectionId) = await portal.NewUserWithDemoConnectionAsync(canTrade: false);
        var orders = new[] { Order("1", "filled", 1.234567m, 1.234567m, 1), Order("2", "pfilled", 2.5m, 0.625m, 2), Order("3", "canceled", 7.654321m, 0m, 3) };
        await AddOrdersAsync(connectionId, orders);

        var page = await Service().OrdersAsync(userId, new HistoryQuery(), TestContext.Current.CancellationToken);

        Assert.Equal([("canceled", 0m), ("pfilled", 25m), ("filled", 100m)], page.Rows.Select(r => (r.Status, r.FilledPercent!.Value)));
        Assert.Equal(new Dictionary<string, int> { ["canceled"] = 1, ["filled"] = 1, ["pfilled"] = 1 }, page.Totals.CountByStatus);
        Assert.Empty(page.Totals.FeesByCoin);
        Assert.Empty(AmountStrings.FoundIn(JsonSerializer.Serialize(page), AmountStrings.OfAll(orders.SelectMany(AmountsOf))));
    }

    [Fact]
    public async Task Transfers_keep_currency_and_state_and_lose_amount_fee_address_and_transaction()
    {
        var (userId, connectionId) = await portal.NewUserWithDemoConnectionAsync(canTrade: false);
        var deposit = Transfer(TransferDirection.Deposit, 12.345678m, TransactionState.Completed, 1);
        await AddTransfersAsync(connectionId, deposit, Transfer(TransferDirection.Deposit, 0.987654m, TransactionState.Pending, 2));

        var page = await Service().TransfersAsync(userId, TransferDirection.Deposit, new HistoryQuery(), TestContext.Current.CancellationToken);
        var json = JsonSerializer.Serialize(page);

        Assert.Equal([("btc", TransactionState.Pending), ("btc", TransactionState.Completed)], page.Rows.Select(r => (r.Currency, r.State)));
        Assert.Equal(2, page.Totals.Count);
        Assert.Empty(page.Totals.AmountByCurrency);
        Assert.Empty(AmountStrings.FoundIn(json, AmountStrings.OfAll([12.345678m, 0.987654m, deposit.Fee])));
        Assert.DoesNotContain(deposit.Address!, json, StringComparison.Ordinal);
        Assert.DoesNotContain(deposit.TransactionId!, json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("size")]
    [InlineData("price")]
    [InlineData("amount")]
    [InlineData("fee")]
    public async Task Sorting_trades_by_an_amount_is_refused(string column)
    {
        var (userId, _) = await portal.NewUserWithDemoConnectionAsync(canTrade: false);

        var refused = await Assert.ThrowsAsync<HistoryQueryException>(() =>
            Service().TradesAsync(userId, new HistoryQuery { Sort = column }, TestContext.Current.CancellationToken));

        Assert.Contains("not available without amounts", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("size")]
    [InlineData("price")]
    [InlineData("filled")]
    public async Task Sorting_orders_by_an_amount_is_refused(string column)
    {
        var (userId, _) = await portal.NewUserWithDemoConnectionAsync(canTrade: false);

        await Assert.ThrowsAsync<HistoryQueryException>(() =>
            Service().OrdersAsync(userId, new HistoryQuery { Sort = column }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Searching_transfers_is_refused_as_it_would_match_addresses()
    {
        var (userId, _) = await portal.NewUserWithDemoConnectionAsync(canTrade: false);

        await Assert.ThrowsAsync<HistoryQueryException>(() =>
            Service().TransfersAsync(userId, TransferDirection.Withdrawal, new HistoryQuery { Search = "bc1q" }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void A_shared_link_loses_its_amount_sort_and_search_but_keeps_its_filter()
    {
        var link = new HistoryQuery { Symbol = "btc-usdt", Side = OrderSide.Buy, Sort = "size", Search = "abc", Descending = false };

        var kept = HistoryWithoutAmounts.WithoutAmountTerms(link, HistoryWithoutAmounts.TradeSorts);

        Assert.Equal(("btc-usdt", (OrderSide?)OrderSide.Buy, HistoryQuery.TimeColumn, (string?)null), (kept.Symbol, kept.Side, kept.SortColumn, kept.Search));
    }

    public ValueTask DisposeAsync() => circuit.DisposeAsync();

    private HistoryWithoutAmounts Service() => circuit.ServiceProvider.GetRequiredService<HistoryWithoutAmounts>();

    private async Task AddOrdersAsync(Guid connectionId, params LedgerOrder[] orders)
    {
        await using var db = await portal.CreateDbAsync();
        foreach (var order in orders)
        {
            order.ConnectionId = connectionId;
        }

        db.LedgerOrders.AddRange(orders);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private async Task AddTransfersAsync(Guid connectionId, params LedgerTransfer[] transfers)
    {
        await using var db = await portal.CreateDbAsync();
        foreach (var transfer in transfers)
        {
            transfer.ConnectionId = connectionId;
        }

        db.LedgerTransfers.AddRange(transfers);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static IEnumerable<decimal> AmountsOf(LedgerTrade t) => [t.Size, t.Price, t.QuoteAmount, t.Fee];

    private static IEnumerable<decimal> AmountsOf(LedgerOrder o) => [o.Size, o.Price!.Value, o.Filled, o.Fee];

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
        IsOpen = status is "new" or "pfilled",
        Fee = 0.00234567m,
        FeeCoin = "btc",
        CreatedAt = T0.AddMinutes(minute),
        SyncedAt = T0,
    };

    private static LedgerTransfer Transfer(TransferDirection direction, decimal amount, TransactionState state, int minute) => new()
    {
        Direction = direction,
        ExchangeId = 9_000 + minute,
        Currency = "btc",
        Amount = amount,
        Fee = 0.00034567m,
        FeeCoin = "btc",
        Address = $"bc1qaddress{minute}xyz",
        TransactionId = $"f00dfeed{minute}cafebabe",
        Network = "btc",
        State = state,
        CreatedAt = T0.AddMinutes(minute),
        SyncedAt = T0,
    };
}

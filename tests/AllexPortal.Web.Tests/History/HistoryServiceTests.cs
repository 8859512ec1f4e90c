using AllexPortal.Exchange.Market;
using AllexPortal.Web.Connections;
using AllexPortal.Web.History;
using AllexPortal.Web.Ledger;
using CsCheck;

namespace AllexPortal.Web.Tests.History;

/// <summary>History pages, sorts, filters and totals against plain LINQ over the same rows, over many random queries.</summary>
public sealed class HistoryServiceTests(SeededHistoryPortal portal) : IClassFixture<SeededHistoryPortal>
{
    private const int Iterations = 120;

    [Fact]
    public async Task Random_trade_queries_return_the_rows_count_and_totals_that_LINQ_selects()
    {
        var gen = Queries(portal.AllTrades.Select(t => t.Timestamp).ToArray(), ["ord-1", "K1-00", "=", "%", "_", "ORD", "k2-0001"],
            [.. HistoryColumns.Trades.SortColumns], [null]);

        await gen.SampleAsync(async query =>
        {
            var page = await portal.WithHistoryAsync(h => h.TradesAsync(portal.UserId, query, TestContext.Current.CancellationToken));

            var expected = HistoryOracle.Trades(portal.AllTrades, portal.ScopeOf(query), query.Normalised());
            AssertPage(expected, query, page, t => t.Id);
            Assert.Equal(Sorted(HistoryOracle.SumBy(expected, t => t.QuoteCurrency, t => t.QuoteAmount)), Sorted(page.Totals.VolumeByQuote));
            Assert.Equal(Sorted(ExpectedFees(expected, t => t.FeeCoin, t => t.Fee)), Sorted(page.Totals.FeesByCoin));
        }, iter: Iterations, threads: 1, print: q => q.ToQueryString());
    }

    [Fact]
    public async Task Random_order_queries_return_the_rows_count_and_totals_that_LINQ_selects()
    {
        var gen = Queries(portal.AllOrders.Select(o => o.CreatedAt).ToArray(), ["04000", "-", "=", "SUM", "0500"],
            [.. HistoryColumns.Orders.SortColumns], [null, "open", "new", "pfilled", "filled", "canceled"]);

        await gen.SampleAsync(async query =>
        {
            var page = await portal.WithHistoryAsync(h => h.OrdersAsync(portal.UserId, query, TestContext.Current.CancellationToken));

            var expected = HistoryOracle.Orders(portal.AllOrders, portal.ScopeOf(query), query.Normalised());
            AssertPage(expected, query, page, o => o.Id);
            Assert.Equal(
                expected.GroupBy(o => o.Status).Select(g => (g.Key, g.Count())).Order(),
                page.Totals.CountByStatus.Select(p => (p.Key, p.Value)).Order());
            Assert.Equal(Sorted(ExpectedFees(expected, o => o.FeeCoin, o => o.Fee)), Sorted(page.Totals.FeesByCoin));
        }, iter: Iterations, threads: 1, print: q => q.ToQueryString());
    }

    [Theory]
    [InlineData(TransferDirection.Deposit)]
    [InlineData(TransferDirection.Withdrawal)]
    public async Task Random_transfer_queries_return_the_rows_count_and_totals_that_LINQ_selects(TransferDirection direction)
    {
        var gen = Queries(portal.AllTransfers.Select(t => t.CreatedAt).ToArray(), ["1010", "0x", "addr", "=", "@", "1200"],
            [.. HistoryColumns.Transfers.SortColumns], [null, "pending", "completed", "canceled", "failed"], ["btc", "eth", "usdt", "doge"]);

        await gen.SampleAsync(async query =>
        {
            var page = await portal.WithHistoryAsync(h => h.TransfersAsync(portal.UserId, direction, query, TestContext.Current.CancellationToken));

            var expected = HistoryOracle.Transfers(portal.AllTransfers, portal.ScopeOf(query), direction, query.Normalised());
            AssertPage(expected, query, page, t => t.Id);
            Assert.Equal(Sorted(HistoryOracle.SumBy(expected, t => t.Currency, t => t.Amount)), Sorted(page.Totals.AmountByCurrency));
            Assert.Equal(Sorted(HistoryOracle.SumBy(expected, t => t.FeeCoin ?? t.Currency, t => t.Fee)), Sorted(page.Totals.FeesByCoin));
            Assert.Equal(expected.Count, page.Totals.CountByStatus.Values.Sum());
        }, iter: Iterations, threads: 1, print: q => q.ToQueryString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Following_the_cursor_walks_the_same_rows_as_page_numbers(bool descending)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var query = new HistoryQuery { Symbol = "usdt", Descending = descending, PageSize = 37 };
        var expected = HistoryOracle.Trades(portal.AllTrades, [portal.First, portal.Second], query);

        var walked = new List<long>();
        var cursorQuery = query;
        while (true)
        {
            var page = await portal.WithHistoryAsync(h => h.TradesAsync(portal.UserId, cursorQuery, cancellationToken));
            walked.AddRange(page.Rows.Select(t => t.Id));
            if (page.NextCursor is null)
            {
                break;
            }
            cursorQuery = query with { After = page.NextCursor };
        }

        Assert.True(expected.Count > 1000);
        Assert.Equal(expected.Select(t => t.Id), walked);
    }

    [Fact]
    public async Task Paging_forward_by_number_returns_each_page_LINQ_selects()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var query = new HistoryQuery { Symbol = "eth", PageSize = 45 };
        var expected = HistoryOracle.Trades(portal.AllTrades, [portal.First, portal.Second], query);

        var walked = new List<long>();
        for (var number = 0; number * query.PageSize <= expected.Count; number++)
        {
            var page = await portal.WithHistoryAsync(h => h.TradesAsync(portal.UserId, query with { Page = number }, cancellationToken));
            walked.AddRange(page.Rows.Select(t => t.Id));
        }

        Assert.True(expected.Count > 10 * query.PageSize);
        Assert.Equal(expected.Select(t => t.Id), walked);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(null, false)]
    [InlineData("fee", true)]
    [InlineData("side", false)]
    public async Task Every_page_jumped_to_from_the_last_backwards_is_the_page_LINQ_selects(string? sort, bool descending)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var query = new HistoryQuery { Sort = sort, Descending = descending, PageSize = 100 };
        var expected = HistoryOracle.Trades(portal.AllTrades, [portal.First, portal.Second], query.Normalised());
        var last = (expected.Count - 1) / query.PageSize;

        for (var number = last + 1; number >= last - 3; number--)
        {
            var page = await portal.WithHistoryAsync(h => h.TradesAsync(portal.UserId, query with { Page = number }, cancellationToken));

            Assert.Equal(expected.Skip(number * query.PageSize).Take(query.PageSize).Select(t => t.Id), page.Rows.Select(t => t.Id));
            Assert.Equal(number < last && sort is null, page.NextCursor is not null);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Pages_jumped_to_on_either_side_of_every_anchor_are_the_pages_LINQ_selects(bool descending)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        // Anchors are kept for one connection's filters (the first connection holds 1,500 fills).
        var query = new HistoryQuery { Connections = [portal.First], Descending = descending, PageSize = 10 };
        var expected = HistoryOracle.Trades(portal.AllTrades, [portal.First], query);
        var stride = HistoryService.AnchorStride / query.PageSize;
        var numbers = new[] { stride - 1, stride, stride + 1, stride + 7, (expected.Count / 10) - 1, expected.Count / 10 };

        foreach (var number in numbers.Reverse())
        {
            var page = await portal.WithHistoryAsync(h => h.TradesAsync(portal.UserId, query with { Page = number }, cancellationToken));

            Assert.Equal(expected.Skip(number * query.PageSize).Take(query.PageSize).Select(t => t.Id), page.Rows.Select(t => t.Id));
        }
        Assert.True(expected.Count > HistoryService.AnchorStride);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Amounts_sort_by_value_and_amounts_that_share_a_double_by_time(bool descending)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var userId = await portal.NewUserAsync();
        var connection = await portal.AddLedgerConnectionAsync(userId, "Close amounts", cancellationToken);
        decimal[] amounts = [0.1m, 0.1000000000000000000000000001m, 0.0999999999999999999999999999m, 0.1000000000000000000000000002m, 7m, -0.1m];
        var rows = LedgerRows.Trades(connection, amounts.Length, seed: 17).Select((t, i) => { t.QuoteAmount = amounts[i]; return t; }).ToList();
        await portal.InsertAsync(rows, cancellationToken);
        var query = new HistoryQuery { Sort = "amount", Descending = descending };

        var page = await portal.WithHistoryAsync(h => h.TradesAsync(userId, query, cancellationToken));

        // 7 and -0.1 at the ends; the four amounts within 1e-27 of 0.1 (one double) between them, newest first when
        // descending, oldest first when ascending (equal times in the order they were inserted, as ids are).
        var nearTenth = rows.Select((t, inserted) => (t.QuoteAmount, t.Timestamp, inserted)).Where(t => Math.Abs(t.QuoteAmount - 0.1m) < 0.001m)
            .OrderBy(t => t.Timestamp).ThenBy(t => t.inserted).Select(t => t.QuoteAmount).ToList();
        decimal[] expected = descending ? [7m, .. Enumerable.Reverse(nearTenth), -0.1m] : [-0.1m, .. nearTenth, 7m];
        Assert.Equal(4, nearTenth.Count);
        Assert.Single(rows.Select(t => t.QuoteAmountOrder).Where(o => o == 0.1).Distinct());
        Assert.Equal(expected, page.Rows.Select(t => t.QuoteAmount));
    }

    [Fact]
    public async Task A_page_number_after_new_rows_arrived_counts_from_the_new_data()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var userId = await portal.NewUserAsync();
        var connection = await portal.AddLedgerConnectionAsync(userId, "Growing", cancellationToken);
        await portal.InsertAsync(LedgerRows.Trades(connection, 100, seed: 13), cancellationToken);
        var query = new HistoryQuery { PageSize = 10 };
        await portal.WithHistoryAsync(h => h.TradesAsync(userId, query, cancellationToken));
        await portal.WithHistoryAsync(h => h.TradesAsync(userId, query with { Page = 1 }, cancellationToken));

        await portal.InsertAsync(LedgerRows.Trades(connection, 130, seed: 13).Skip(100).Select(t => { t.Key += "-new"; return t; }), cancellationToken);
        var page = await portal.WithHistoryAsync(h => h.TradesAsync(userId, query with { Page = 2 }, cancellationToken));

        var all = (await portal.AllAsync<LedgerTrade>(cancellationToken)).Where(t => t.ConnectionId == connection);
        var expected = HistoryOracle.Trades(all, [connection], query.Normalised()).Skip(20).Take(10);
        Assert.Equal(expected.Select(t => t.Id), page.Rows.Select(t => t.Id));
    }

    [Fact]
    public async Task Another_users_connection_id_is_refused_like_a_missing_one()
    {
        var query = new HistoryQuery { Connections = [portal.First, portal.OthersConnection] };

        var refused = await Assert.ThrowsAsync<ConnectionNotFoundException>(() =>
            portal.WithHistoryAsync(h => h.TradesAsync(portal.UserId, query, TestContext.Current.CancellationToken)));

        Assert.Equal(portal.OthersConnection, refused.ConnectionId);
    }

    [Fact]
    public async Task An_unknown_sort_column_is_refused_with_the_columns_that_exist()
    {
        var query = new HistoryQuery { Sort = "password" };

        var refused = await Assert.ThrowsAsync<HistoryQueryException>(() =>
            portal.WithHistoryAsync(h => h.OrdersAsync(portal.UserId, query, TestContext.Current.CancellationToken)));

        Assert.Contains("password", refused.Message, StringComparison.Ordinal);
        Assert.Contains("filled", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_without_connections_gets_an_empty_page_with_zero_totals()
    {
        var userId = await portal.NewUserAsync();

        var page = await portal.WithHistoryAsync(h => h.TradesAsync(userId, new HistoryQuery(), TestContext.Current.CancellationToken));

        Assert.Empty(page.Rows);
        Assert.Equal(0, page.TotalCount);
        Assert.Empty(page.Totals.VolumeByQuote);
    }

    [Fact]
    public async Task Facets_offer_the_pairs_coins_and_statuses_of_the_users_own_ledger()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        var trades = await portal.WithHistoryAsync(h => h.FacetsAsync(portal.UserId, LedgerKind.Trades, cancellationToken));
        var orders = await portal.WithHistoryAsync(h => h.FacetsAsync(portal.UserId, LedgerKind.Orders, cancellationToken));
        var deposits = await portal.WithHistoryAsync(h => h.FacetsAsync(portal.UserId, LedgerKind.Deposits, cancellationToken));

        Assert.Equal(LedgerRows.Pairs.Order(StringComparer.Ordinal), trades.Symbols);
        Assert.Equal(["btc", "eth", "eur", "sol", "usdt", "xht"], trades.Coins);
        Assert.Equal(["canceled", "filled", "new", "pfilled"], orders.Statuses);
        Assert.Equal(["btc", "eth", "usdt", "xht"], deposits.Symbols);
        Assert.Equal(["canceled", "completed", "failed", "pending"], deposits.Statuses);
    }

    [Fact]
    public async Task Totals_include_rows_added_after_the_same_filter_was_summed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var userId = await portal.NewUserAsync();
        var connection = await portal.AddLedgerConnectionAsync(userId, "Fresh", cancellationToken);
        await portal.InsertAsync(LedgerRows.Trades(connection, 50, seed: 11), cancellationToken);
        var query = new HistoryQuery { Symbol = "usdt" };
        var before = await portal.WithHistoryAsync(h => h.TradesAsync(userId, query, cancellationToken));

        var added = LedgerRows.Trades(connection, 80, seed: 12).Skip(50).ToList();
        await portal.InsertAsync(added, cancellationToken);
        var after = await portal.WithHistoryAsync(h => h.TradesAsync(userId, query, cancellationToken));

        var addedUsdt = added.Where(t => t.QuoteCurrency == "usdt").ToList();
        Assert.NotEmpty(addedUsdt);
        Assert.Equal(before.TotalCount + addedUsdt.Count, after.TotalCount);
        Assert.Equal(before.Totals.VolumeByQuote["usdt"] + addedUsdt.Sum(t => t.QuoteAmount), after.Totals.VolumeByQuote["usdt"]);
    }

    private Gen<HistoryQuery> Queries(DateTimeOffset[] unsorted, string[] searches, string?[] sorts, string?[] statuses, string[]? symbols = null)
    {
        var times = unsorted.Order().ToArray();
        var connections = Gen.OneOf<Guid[]>([], [portal.First], [portal.Second], [portal.First, portal.Second]);
        var symbol = Gen.OneOf([null, .. symbols ?? ["btc-usdt", "eth-btc", "eth", "btc", "usdt", "eur", "doge-usdt", " BTC-USDT "]]);
        var side = Gen.OneOf<OrderSide?>(null, OrderSide.Buy, OrderSide.Sell);
        var window = Gen.Select(Gen.Int[0, times.Length - 1], Gen.Int[0, times.Length - 1], Gen.Int[0, 3], (a, b, which) => which switch
        {
            0 => ((DateTimeOffset?)null, (DateTimeOffset?)null),
            1 => (times[Math.Min(a, b)], (DateTimeOffset?)null),
            2 => (null, times[Math.Max(a, b)]),
            _ => (times[Math.Min(a, b)], times[Math.Max(a, b)]),
        });
        var search = Gen.OneOf([null, null, null, .. searches]);
        var sort = Gen.OneOf([null, .. sorts]);
        var paging = Gen.Select(Gen.Bool, Gen.Int[0, 6], Gen.OneOf(5, 10, 25, 50, 700), (d, p, s) => (d, p, s));
        var status = Gen.OneOf(statuses);
        return Gen.Select(connections, symbol, side, window, search, sort, paging, status, (c, sy, si, w, se, so, pg, st) => new HistoryQuery
        {
            Connections = c,
            Symbol = sy,
            Side = si,
            From = w.Item1,
            To = w.Item2,
            Search = se,
            Sort = so,
            Descending = pg.d,
            Page = pg.p,
            PageSize = pg.s,
            Status = st,
        });
    }

    private static void AssertPage<T>(List<T> expected, HistoryQuery query, HistoryPage<T> page, Func<T, long> id)
    {
        var size = Math.Clamp(query.PageSize, HistoryQuery.MinPageSize, HistoryQuery.MaxPageSize);
        Assert.Equal(expected.Skip(query.Page * size).Take(size).Select(id), page.Rows.Select(id));
        Assert.Equal(expected.Count, page.TotalCount);
        Assert.Equal(expected.Count, page.Totals.Count);
    }

    private static Dictionary<string, decimal> ExpectedFees<T>(IEnumerable<T> rows, Func<T, string?> coin, Func<T, decimal> fee) =>
        rows.Where(r => coin(r) is not null || fee(r) != 0m)
            .GroupBy(r => coin(r) ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(fee), StringComparer.Ordinal);

    private static List<(string, decimal)> Sorted(IReadOnlyDictionary<string, decimal> sums) =>
        [.. sums.Select(p => (p.Key, p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal)];
}

using System.Globalization;
using System.Text;
using AllexPortal.Exchange.Market;
using AllexPortal.Web.History;
using AllexPortal.Web.Ledger;
using CsCheck;

namespace AllexPortal.Web.Tests.History;

/// <summary>
/// <see cref="HistoryService.ExportTradesCsvAsync"/> (on SQLite: SQLite's statement API, UTF-8 cells copied) against
/// the entity path (<see cref="HistoryService.StreamTradesAsync"/> + <see cref="HistoryCsv.WriteTradesAsync"/>).
/// </summary>
public sealed class TradeExportTests(SeededHistoryPortal portal) : IClassFixture<SeededHistoryPortal>
{
    private static readonly string[] Odd =
        [.. LedgerRows.Payloads, "", " lead", "trail ", "a,b", "say \"hi\"", "line\nbreak", "cr\r\nlf", "'quoted", "ü€ 𝄞", "-", "=", " ", "\"", "-1", "007", "ok"];

    [Fact]
    public async Task Exporting_random_ledgers_writes_exactly_what_the_entity_path_writes()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var text = Gen.Select(Gen.Int[0, Odd.Length - 1], Gen.String[Gen.Char["=+-@\t\r\n\",' aZ09üé€"], 0, 10], Gen.Bool,
            (i, random, known) => known ? Odd[i] : random);
        var optionalText = Gen.Select(text, Gen.Int[0, 3], (t, n) => n == 0 ? null : t);
        var number = Gen.Select(Gen.Long[-100_000_000_000, 100_000_000_000], Gen.Byte[0, 12], (n, scale) => new decimal((int)(Math.Abs(n) & 0xFFFF_FFFF), (int)(Math.Abs(n) >> 32), 0, n < 0, scale));
        var trade = Gen.Select(Gen.Select(text, text, Gen.Bool, (symbol, key, buy) => (symbol, key, buy)),
            Gen.Select(number, number, number, number, (size, price, amount, fee) => (size, price, amount, fee)),
            Gen.Select(optionalText, optionalText, Gen.Long[0, 4_000_000_000_000], (feeCoin, orderId, ms) => (feeCoin, orderId, ms)));
        var ledger = Gen.Select(trade.Array[0, 60], trade.Array[0, 20], text, text, Gen.Int[0, 3], Gen.Int[0, HistoryColumns.Trades.SortColumns.Count], Gen.Bool,
            (first, second, firstLabel, secondLabel, which, sort, descending) => (first, second, firstLabel, secondLabel, which, sort, descending));

        await ledger.SampleAsync(async sample =>
        {
            var first = await portal.AddLedgerConnectionAsync(portal.UserId, sample.firstLabel, cancellationToken);
            var second = await portal.AddLedgerConnectionAsync(portal.UserId, sample.secondLabel, cancellationToken);
            await portal.InsertAsync(Trades(first, sample.first).Concat(Trades(second, sample.second)), cancellationToken);
            var query = new HistoryQuery
            {
                Connections = sample.which switch { 0 => [first], 1 => [second], _ => [first, second] },
                Sort = sample.sort == HistoryColumns.Trades.SortColumns.Count ? null : HistoryColumns.Trades.SortColumns[sample.sort],
                Descending = sample.descending,
            };

            var (exported, expected) = await portal.WithHistoryAsync(async history =>
            {
                var scope = await history.ScopeAsync(portal.UserId, query, cancellationToken);
                var fast = new StringWriter(CultureInfo.InvariantCulture);
                var rows = await history.ExportTradesCsvAsync(scope, query, fast, cancellationToken);
                var reference = new StringWriter(CultureInfo.InvariantCulture);
                var referenceRows = await HistoryCsv.WriteTradesAsync(history.StreamTradesAsync(scope, query, cancellationToken), scope, reference, cancellationToken);
                return ((rows, fast.ToString()), (referenceRows, reference.ToString()));
            });

            Assert.Equal(expected, exported);
        }, iter: 40, threads: 1, print: s => $"{s.first.Length}+{s.second.Length} fills, labels {s.firstLabel}|{s.secondLabel}, scope {s.which}, sort {s.sort}, desc {s.descending}");
    }

    [Fact]
    public async Task A_token_cancelled_while_a_block_is_written_stops_the_export_before_the_next_row()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var output = new CancellingWriter(cancel);
        var query = new HistoryQuery { Connections = [portal.First] };

        var thrown = await Record.ExceptionAsync(() => portal.WithHistoryAsync(async history =>
        {
            var scope = await history.ScopeAsync(portal.UserId, query, cancellationToken);
            return await history.ExportTradesCsvAsync(scope, query, output, cancel.Token);
        }));

        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
        Assert.Equal(1, output.Writes);
        var written = output.ToString();
        Assert.InRange(written.Length, 32 * 1024, 40 * 1024);
        Assert.EndsWith("\r\n", written, StringComparison.Ordinal);
        Assert.True(written.Split("\r\n").Length - 2 < portal.AllTrades.Count(t => t.ConnectionId == portal.First));
    }

    private static IEnumerable<LedgerTrade> Trades(
        Guid connectionId, ((string Symbol, string Key, bool Buy), (decimal Size, decimal Price, decimal Amount, decimal Fee), (string? FeeCoin, string? OrderId, long Ms))[] rows) =>
        rows.Select((row, i) => new LedgerTrade
        {
            ConnectionId = connectionId,
            Key = $"{row.Item1.Key}#{i}",
            Symbol = row.Item1.Symbol,
            BaseCurrency = "b",
            QuoteCurrency = "q",
            Side = row.Item1.Buy ? OrderSide.Buy : OrderSide.Sell,
            Size = row.Item2.Size,
            Price = row.Item2.Price,
            QuoteAmount = row.Item2.Amount,
            Fee = row.Item2.Fee,
            FeeCoin = row.Item3.FeeCoin?[..Math.Min(row.Item3.FeeCoin.Length, 16)],
            OrderId = row.Item3.OrderId,
            // A few fills share an instant, so the id tie-break decides their order.
            Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(row.Item3.Ms - (row.Item3.Ms % 7 == 0 ? row.Item3.Ms % 1000 : 0)),
            SyncedAt = LedgerRows.Start,
        });

    /// <summary>Cancels the export's token while it writes the first block, ignoring the token itself.</summary>
    private sealed class CancellingWriter(CancellationTokenSource cancel) : StringWriter(CultureInfo.InvariantCulture)
    {
        public int Writes { get; private set; }

        public override Encoding Encoding => Encoding.UTF8;

        public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
        {
            Writes++;
            Write(buffer.Span);
            cancel.Cancel();
            return Task.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

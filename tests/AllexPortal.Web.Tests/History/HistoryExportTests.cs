using System.Globalization;
using System.Net;
using AllexPortal.Core.Csv;
using AllexPortal.Exchange.Market;
using AllexPortal.Web.History;
using AllexPortal.Web.Ledger;
using AllexPortal.Web.Tests.Infrastructure;
using CsvHelper;
using CsvHelper.Configuration;

namespace AllexPortal.Web.Tests.History;

/// <summary>The CSV exports over real HTTP: what they contain, how they are protected and that they stream.</summary>
public sealed class HistoryExportTests(HistoryPortal portal) : IClassFixture<HistoryPortal>
{
    [Fact]
    public async Task Trades_csv_holds_exactly_the_filtered_rows_in_order_and_reads_back_through_CsvHelper()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (client, userId) = await portal.SignedInAsync();
        using var _ = client;
        var first = await portal.AddLedgerConnectionAsync(userId, "Main", cancellationToken);
        var second = await portal.AddLedgerConnectionAsync(userId, "Other", cancellationToken);
        await portal.InsertAsync(LedgerRows.Trades(first, 900, seed: 21).Concat(LedgerRows.Trades(second, 300, seed: 22)), cancellationToken);
        var all = (await portal.AllAsync<LedgerTrade>(cancellationToken)).Where(t => t.ConnectionId == first || t.ConnectionId == second).ToList();
        var query = new HistoryQuery { Symbol = "btc", From = LedgerRows.Start.AddDays(10), To = LedgerRows.Start.AddDays(60), Sort = "amount", Descending = false };
        var expected = HistoryOracle.Trades(all, [first, second], query.Normalised());

        using var response = await client.GetAsync(HistoryExportEndpoints.ExportPath(LedgerKind.Trades, query));
        var rows = await ReadCsvAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HistoryCsv.TradeColumns, rows[0]);
        Assert.True(expected.Count > 50);
        Assert.Equal(expected.Count, rows.Count - 1);
        for (var i = 0; i < expected.Count; i++)
        {
            var (row, trade) = (rows[i + 1], expected[i]);
            Assert.Equal(SafeCsv.FormatTime(trade.Timestamp), row[0]);
            Assert.Equal(trade.ConnectionId == first ? "Main" : "Other", row[1]);
            Assert.Equal(trade.Symbol, row[2]);
            Assert.Equal(trade.Side == OrderSide.Buy ? "buy" : "sell", row[3]);
            Assert.Equal(trade.Size, decimal.Parse(row[4], NumberStyles.Float, CultureInfo.InvariantCulture));
            Assert.Equal(trade.Price, decimal.Parse(row[5], NumberStyles.Float, CultureInfo.InvariantCulture));
            Assert.Equal(trade.QuoteAmount, decimal.Parse(row[6], NumberStyles.Float, CultureInfo.InvariantCulture));
            Assert.Equal(trade.Fee, decimal.Parse(row[7], NumberStyles.Float, CultureInfo.InvariantCulture));
            Assert.Equal(SafeCsv.Neutralise(trade.OrderId), row[9]);
            Assert.Equal(trade.Key, row[10]);
        }
    }

    [Fact]
    public async Task An_export_is_a_dated_attachment_that_is_never_cached()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (client, userId) = await portal.SignedInAsync();
        using var _ = client;
        await portal.AddLedgerConnectionAsync(userId, "Main", cancellationToken);

        using var response = await client.GetAsync("/history/withdrawals.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^allexportal-withdrawals-\d{4}-\d{2}-\d{2}\.csv$", response.Content.Headers.ContentDisposition?.FileName);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal(string.Join(',', HistoryCsv.TransferColumns), (await response.Content.ReadAsStringAsync(cancellationToken)).TrimEnd());
    }

    [Fact]
    public async Task Text_a_spreadsheet_would_run_is_neutralised_and_negative_numbers_stay_numbers()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (client, userId) = await portal.SignedInAsync();
        using var _ = client;
        var connection = await portal.AddLedgerConnectionAsync(userId, "=cmd|' /C calc'!A0", cancellationToken);
        var orders = LedgerRows.Orders(connection, LedgerRows.Payloads.Length, seed: 23);
        for (var i = 0; i < orders.Count; i++)
        {
            orders[i].Note = LedgerRows.Payloads[i];
            orders[i].Fee = -1.25m;
        }
        await portal.InsertAsync(orders, cancellationToken);

        using var response = await client.GetAsync("/history/orders.csv?desc=false");
        var rows = await ReadCsvAsync(response);

        var notes = rows.Skip(1).Select(r => r[15]).ToList();
        Assert.Equal(LedgerRows.Payloads.Select(p => "'" + p), notes);
        Assert.All(rows.Skip(1), r => Assert.Equal("'=cmd|' /C calc'!A0", r[2]));
        Assert.All(rows.Skip(1), r => Assert.Equal("-1.25", r[13]));
    }

    [Fact]
    public async Task Deposits_csv_lists_only_deposits_of_the_chosen_status()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (client, userId) = await portal.SignedInAsync();
        using var _ = client;
        var connection = await portal.AddLedgerConnectionAsync(userId, "Main", cancellationToken);
        var transfers = LedgerRows.Transfers(connection, 300, seed: 24);
        await portal.InsertAsync(transfers, cancellationToken);
        var expected = transfers.Where(t => t.Direction == TransferDirection.Deposit && t.State == AllexPortal.Exchange.Account.TransactionState.Completed)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.ExchangeId).Select(t => t.ExchangeId.ToString(CultureInfo.InvariantCulture));

        using var response = await client.GetAsync("/history/deposits.csv?status=completed");
        var rows = await ReadCsvAsync(response);

        Assert.Equal(expected, rows.Skip(1).Select(r => r[3]));
        Assert.All(rows.Skip(1), r => Assert.Equal("completed", r[8]));
    }

    [Fact]
    public async Task Another_users_connection_is_refused_with_404_and_logged()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (client, userId) = await portal.SignedInAsync();
        using var _ = client;
        await portal.AddLedgerConnectionAsync(userId, "Mine", cancellationToken);
        var stranger = await portal.NewUserAsync();
        var theirs = await portal.AddLedgerConnectionAsync(stranger, "Theirs", cancellationToken);
        await portal.InsertAsync(LedgerRows.Trades(theirs, 20, seed: 25), cancellationToken);

        using var response = await client.GetAsync($"/history/trades.csv?connection={theirs}");
        var body = await response.Content.ReadAsStringAsync(cancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"Connection {theirs} was not found", body, StringComparison.Ordinal);
        Assert.DoesNotContain("k25-", body, StringComparison.Ordinal);
        Assert.Contains(portal.HistoryLog, m => m.Contains(theirs.ToString(), StringComparison.Ordinal) && m.Contains(userId, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/history/trades.csv?sort=password", "Unknown sort column 'password'")]
    [InlineData("/history/trades.csv?from=2026-02-01&to=2026-01-01", "'from' must not be later than 'to'")]
    [InlineData("/history/orders.csv?connection=not-a-guid", "'not-a-guid' is not a connection id")]
    [InlineData("/history/orders.csv?status=lost", "Unknown status 'lost'")]
    [InlineData("/history/deposits.csv?after=1.2&sort=amount", "'after' can only be used with the default time sort")]
    public async Task A_filter_that_makes_no_sense_is_answered_400_saying_what_is_wrong(string path, string message)
    {
        var (client, _) = await portal.SignedInAsync();
        using var __ = client;

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_out_visitor_gets_no_export()
    {
        using var client = portal.CreateListeningClient();

        using var response = await client.GetAsync("/history/trades.csv");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("/Account/Login", PortalClient.RedirectPath(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_large_export_reaches_the_client_while_the_server_is_still_writing_it()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (client, userId) = await portal.SignedInAsync();
        using var _ = client;
        var connection = await portal.AddLedgerConnectionAsync(userId, "Large", cancellationToken);
        const int count = 250_000;
        await using (var db = await portal.CreateDbAsync(cancellationToken))
        {
            await LedgerBulkWriter.InsertAsync(db, LedgerRows.Trades(connection, count, seed: 26), cancellationToken);
        }
        var finished = $"Exported {count} Trades rows for user {userId}.";

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/history/trades.csv", UriKind.Relative));
        using var response = await client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var start = new byte[4096];
        await body.ReadExactlyAsync(start, cancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        var finishedBeforeReadingOn = portal.HistoryLog.Contains(finished);
        using var reader = new StreamReader(body);
        var rest = await reader.ReadToEndAsync(cancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(finishedBeforeReadingOn, "The server had written the whole export before the client read past its first 4 KB: it was buffered.");
        Assert.Equal(count + 1, rest.Count(c => c == '\n') + start.Count(b => b == '\n'));
        Assert.Contains(finished, portal.HistoryLog);
    }

    private static async Task<List<string[]>> ReadCsvAsync(HttpResponseMessage response)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var text = new StringReader(await response.Content.ReadAsStringAsync(cancellationToken));
        using var csv = new CsvReader(text, new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false });
        var rows = new List<string[]>();
        while (await csv.ReadAsync())
        {
            rows.Add(csv.Parser.Record!);
        }
        return rows;
    }
}

using System.Globalization;
using System.Net;
using AllexPortal.Core.Tax;
using AllexPortal.Core.Tax.Exports;
using AllexPortal.Exchange.Market;
using AllexPortal.Web.Reports;
using AllexPortal.Web.Tests.Infrastructure;
using CsvHelper;
using MiniExcelLibs;

namespace AllexPortal.Web.Tests.Reports;

/// <summary>The download endpoint over real HTTP on loopback: streamed files for the owner only, named, not cached.</summary>
public sealed class ReportDownloadsTests(ReportsPortal portal) : IClassFixture<ReportsPortal>
{
    private static readonly DateTimeOffset Jan2025 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_owner_downloads_the_capital_gains_csv_as_a_named_uncached_attachment_whose_totals_match()
    {
        var (client, computed) = await SignedInOwnerWithReportAsync();
        using var _ = client;

        using var response = await client.GetAsync(ReportFiles.Path(computed.Id, ReportFile.CapitalGains));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("allexportal-2025-fifo-usdt-capital-gains.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        var rows = await ReadCsvAsync(response);
        Assert.Equal(computed.Report.Totals.Proceeds, rows.Sum(r => Number(r["Proceeds"])));
        Assert.Equal(computed.Report.Totals.Gain, rows.Sum(r => Number(r["Gain or Loss"])));
    }

    [Theory]
    [InlineData(ReportFile.Koinly, "Received Amount")]
    [InlineData(ReportFile.Transactions, "Received Amount")]
    [InlineData(ReportFile.Lots, "Quantity")]
    public async Task Every_csv_download_parses_with_its_header(ReportFile file, string column)
    {
        var (client, computed) = await SignedInOwnerWithReportAsync();
        using var _ = client;

        using var response = await client.GetAsync(ReportFiles.Path(computed.Id, file));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = await ReadCsvAsync(response);
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.True(row.ContainsKey(column)));
    }

    [Fact]
    public async Task The_workbook_download_opens_with_every_sheet_and_the_reports_gain()
    {
        var (client, computed) = await SignedInOwnerWithReportAsync();
        using var _ = client;

        using var response = await client.GetAsync(ReportFiles.Path(computed.Id, ReportFile.Workbook));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(TaxWorkbook.Sheets, MiniExcel.GetSheetNames(workbook));
        var summary = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Summary").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r["Item"]!, r => r["Value"]);
        Assert.Equal((double)computed.Report.Totals.Gain, (double)summary[SummaryItems.Gain]!, 6);
    }

    [Fact]
    public async Task Another_users_report_id_is_answered_as_not_found()
    {
        var (owner, computed) = await SignedInOwnerWithReportAsync();
        using var _ = owner;
        var (email, _) = await portal.RegisteredUserAsync();
        using var intruder = portal.CreateListeningClient();
        using (var signedIn = await intruder.SignInAsync(email))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        using var response = await intruder.GetAsync(ReportFiles.Path(computed.Id, ReportFile.CapitalGains));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_report_id_or_file_name_is_not_found()
    {
        var (client, computed) = await SignedInOwnerWithReportAsync();
        using var _ = client;

        using var unknownId = await client.GetAsync(ReportFiles.Path(Guid.NewGuid(), ReportFile.CapitalGains));
        using var unknownFile = await client.GetAsync($"/reports/files/{computed.Id:D}/secrets.csv");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknownId.StatusCode, unknownFile.StatusCode));
    }

    [Fact]
    public async Task Without_signing_in_a_download_is_refused()
    {
        var (owner, computed) = await SignedInOwnerWithReportAsync();
        using var _ = owner;
        using var anonymous = portal.CreateListeningClient();

        using var response = await anonymous.GetAsync(ReportFiles.Path(computed.Id, ReportFile.CapitalGains));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
    }

    private async Task<(PortalClient Client, ComputedReport Report)> SignedInOwnerWithReportAsync()
    {
        var (email, userId) = await portal.RegisteredUserAsync();
        var connection = await portal.NewConnectionAsync(userId, "=cmd|' /C calc'!A0");
        await portal.AddTradeAsync(connection, Jan2025.AddDays(1), OrderSide.Buy, 2m, 100m, fee: 0.002m, feeCoin: "btc");
        await portal.AddTradeAsync(connection, Jan2025.AddDays(40), OrderSide.Sell, 1.5m, 130m, fee: 0.3m, feeCoin: "usdt");
        var job = await portal.ComputeAsync(userId, new ReportRequest([connection], new TaxYear(2025).Period, CostBasisMethod.Fifo));
        var client = portal.CreateListeningClient();
        using (var signedIn = await client.SignInAsync(email))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        return (client, job.Result!);
    }

    private static async Task<List<Dictionary<string, string>>> ReadCsvAsync(HttpResponseMessage response)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        await csv.ReadAsync();
        csv.ReadHeader();
        var rows = new List<Dictionary<string, string>>();
        while (await csv.ReadAsync())
        {
            rows.Add(csv.HeaderRecord!.ToDictionary(name => name, name => csv.GetField(name)!));
        }

        return rows;
    }

    private static decimal Number(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}

using System.Globalization;
using AllexPortal.Core.Tax.Exports;
using AllexPortal.E2E.Infrastructure;
using AllexPortal.Web.Data;
using AllexPortal.Web.Demo;
using AllexPortal.Web.Ledger;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace AllexPortal.E2E.Reports;

/// <summary>
/// The demo account's reports page in a real browser: once its ledger is synced, a report computed on the page
/// downloads as five files that parse and whose totals equal the figures the page shows; phone and dark layouts.
/// </summary>
public sealed class ReportsPageTests(PortalServer portal, Chromium chromium)
    : IClassFixture<PortalServer>, IClassFixture<Chromium>
{
    private static readonly string[] Figures =
        ["figure-proceeds", "figure-cost", "figure-gain", "figure-short", "figure-long", "figure-fees", "figure-unrealised"];

    [Fact]
    public async Task Downloaded_files_parse_and_their_totals_equal_the_summary_on_the_page()
    {
        await SyncDemoLedgerAsync();
        await using var session = await DemoSessionAsync(1280, 1000);

        await ComputeAsync(session);
        var shown = await ShownFiguresAsync(session.Page);
        await Screenshots.SaveAsync(session.Page, "reports-1280.png");
        var gains = await DownloadCsvAsync(session.Page, "capitalgains");
        var koinly = await DownloadCsvAsync(session.Page, "koinly");
        var transactions = await DownloadCsvAsync(session.Page, "transactions");
        var lots = await DownloadCsvAsync(session.Page, "lots");
        var summary = await DownloadWorkbookSummaryAsync(session.Page);

        Assert.NotEmpty(gains);
        Assert.Equal(shown["figure-proceeds"], Sum(gains, "Proceeds"));
        Assert.Equal(shown["figure-cost"], Sum(gains, "Cost Basis"));
        Assert.Equal(shown["figure-gain"], Sum(gains, "Gain or Loss"));
        Assert.Equal(shown["figure-long"], Sum(gains.Where(r => r["Term"] == "Long"), "Gain or Loss"));
        Assert.Equal(shown["figure-short"], Sum(gains.Where(r => r["Term"] == "Short"), "Gain or Loss"));
        Assert.Equal((double)shown["figure-gain"], summary[SummaryItems.Gain], 6);
        Assert.Equal((double)shown["figure-fees"], summary[SummaryItems.Fees], 6);
        Assert.Equal((double)shown["figure-unrealised"], summary[SummaryItems.UnrealisedGain], 6);
        Assert.Equal(summary[SummaryItems.UnrealisedCost], (double)Sum(lots.Where(r => r["Status"] == LotsCsv.Held), "Cost Basis"), 6);
        Assert.Equal(transactions.Count, koinly.Count);
        Assert.All(koinly, row => Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$", row["Date"]));
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Phone_and_dark_reports_fit_375_px_without_sideways_scrolling()
    {
        await SyncDemoLedgerAsync();
        await using var session = await DemoSessionAsync(375, 812);
        await session.ToggleThemeAsync();
        try
        {
            await ComputeAsync(session);
            // The dark chart, not just any chart: under load the theme switch may reach the circuit after the first draw.
            await session.Page.WaitForSelectorAsync("[data-testid=monthly-chart] .apexcharts-theme-dark svg", new PageWaitForSelectorOptions { Timeout = 20_000 });

            var scrollWidth = await session.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            await session.Page.Locator("[data-testid=figure-unrealised]").ScrollIntoViewIfNeededAsync();
            await Screenshots.SaveAsync(session.Page, "reports-375-dark.png");

            Assert.True(scrollWidth <= 375, $"The reports page is {scrollWidth} px wide on a 375 px screen.");
            Assert.Empty(session.ConsoleErrors);
        }
        finally
        {
            await session.ToggleThemeAsync();
        }
    }

    /// <summary>Syncs the demo connection's ledger to its end through the sync coordinator, as the scheduler would.</summary>
    private async Task SyncDemoLedgerAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(cancellationToken);
        var demo = await db.Users.SingleAsync(u => u.NormalizedEmail == DemoAccount.Email.ToUpperInvariant(), cancellationToken);
        var connection = await db.Connections.SingleAsync(c => c.OwnerId == demo.Id && c.IsDemo, cancellationToken);
        var result = await portal.Services.GetRequiredService<LedgerSyncCoordinator>().SyncNowAsync(demo.Id, connection.Id, cancellationToken);
        Assert.True(result.Succeeded, "The demo ledger did not sync.");
    }

    private async Task<PortalSession> DemoSessionAsync(int width, int height)
    {
        var session = await PortalSession.OpenAsync(chromium.Browser, portal.BaseUrl, width, height);
        await session.Page.GotoAsync("/Account/Login");
        await session.Page.ClickAsync("[data-testid=try-demo]");
        await session.Page.WaitForURLAsync(session.BaseUrl + "/");
        await session.Page.GotoAsync("/reports");
        await session.WaitUntilInteractiveAsync();
        return session;
    }

    /// <summary>Clicks Compute once the circuit answers, then waits for the result (prices are fetched on the first run).</summary>
    private static async Task ComputeAsync(PortalSession session)
    {
        var page = session.Page;
        await Eventually.SucceedsAsync("the compute button to start a report", async () =>
        {
            if (await page.Locator("[data-testid=report-progress], [data-testid=report-result]").CountAsync() > 0)
            {
                return true;
            }

            var compute = page.Locator("[data-testid=compute]");
            if (await compute.CountAsync() > 0 && await compute.IsEnabledAsync())
            {
                try
                {
                    await compute.ClickAsync(new LocatorClickOptions { Timeout = 2_000 });
                }
                catch (TimeoutException)
                {
                    return false;
                }
            }

            return false;
        });
        await page.WaitForSelectorAsync("[data-testid=report-result]", new PageWaitForSelectorOptions { Timeout = 120_000 });
    }

    private static async Task<Dictionary<string, decimal>> ShownFiguresAsync(IPage page)
    {
        var shown = new Dictionary<string, decimal>();
        foreach (var figure in Figures)
        {
            var value = await page.Locator($"[data-testid={figure}]").GetAttributeAsync("data-value");
            shown[figure] = decimal.Parse(value!, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return shown;
    }

    private static async Task<string> DownloadAsync(IPage page, string file)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync($"[data-testid=download-{file}]"));
        Assert.StartsWith("allexportal-", download.SuggestedFilename, StringComparison.Ordinal);
        return await download.PathAsync();
    }

    private static async Task<List<Dictionary<string, string>>> DownloadCsvAsync(IPage page, string file)
    {
        using var reader = new StreamReader(await DownloadAsync(page, file));
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

    private static async Task<Dictionary<string, double>> DownloadWorkbookSummaryAsync(IPage page)
    {
        var path = await DownloadAsync(page, "workbook");
        return MiniExcel.Query(path, useHeaderRow: true, sheetName: "Summary", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
            .Where(row => row["Value"] is double)
            .ToDictionary(row => (string)row["Item"]!, row => (double)row["Value"]!);
    }

    private static decimal Sum(IEnumerable<Dictionary<string, string>> rows, string column) =>
        rows.Sum(row => decimal.Parse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture));
}

using System.Globalization;
using AllexPortal.E2E.Infrastructure;
using AllexPortal.Sandbox;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.Demo;
using AllexPortal.Web.Ledger;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AllexPortal.E2E.History;

/// <summary>
/// The demo account's trade history in a real browser: filter by a pair and a date range, page forward, download
/// the CSV and find exactly the filtered rows in it (checked against the sandbox's own trades); plus the desktop,
/// phone and dark screenshots of the Trades grid.
/// </summary>
public sealed class HistoryPagesTests(PortalServer portal, Chromium chromium)
    : IClassFixture<PortalServer>, IClassFixture<Chromium>
{
    private const string Rows = "[data-testid=trades-grid] tbody tr.mud-table-row";
    private const string Symbol = "btc-usdt";

    [Fact]
    public async Task Demo_user_filters_trades_by_pair_and_dates_pages_forward_and_downloads_exactly_those_rows()
    {
        await SyncDemoLedgerAsync();
        var truth = portal.Services.GetRequiredService<SandboxExchange>();
        var trades = truth.TradesOf(truth.Options.Demo.Email).Where(t => t.Symbol == Symbol).OrderBy(t => t.Timestamp).ToList();
        var fromDay = trades[trades.Count / 4].Timestamp.UtcDateTime.Date;
        var toDay = trades[trades.Count / 2].Timestamp.UtcDateTime.Date;
        await using var session = await DemoSessionAsync(1280, 900);
        await session.Page.GotoAsync("/history/trades");
        await WaitForRowsAsync(session);

        await PickSymbolAsync(session, Symbol.ToUpperInvariant());
        await TypeDateRangeAsync(session, fromDay, toDay);
        var query = QueryHelpers.ParseQuery(new Uri(session.Page.Url).Query);
        var from = DateTimeOffset.Parse(query["from"]!, CultureInfo.InvariantCulture);
        var to = DateTimeOffset.Parse(query["to"]!, CultureInfo.InvariantCulture);
        var expected = trades.Where(t => t.Timestamp >= from && t.Timestamp < to).ToList();
        Assert.True(expected.Count > 50, $"The chosen range holds only {expected.Count} trades; the test needs more than two pages.");
        var shown = "";
        for (var wait = 0; wait < 60 && shown != expected.Count.ToString("#,##0", CultureInfo.InvariantCulture); wait++)
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
            shown = await session.Page.Locator("[data-testid=total-count]").InnerTextAsync();
        }

        Assert.Equal(expected.Count.ToString("#,##0", CultureInfo.InvariantCulture), shown);

        var firstPage = await FirstRowTimeAsync(session);
        await session.Page.Locator("[data-testid=trades-grid] button[aria-label='Next page']").ClickAsync();
        await Eventually.SucceedsAsync("the second page to show", async () => await FirstRowTimeAsync(session) != firstPage);
        var secondPage = await session.Page.Locator($"{Rows} [data-testid=history-time]").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.utc)");
        await session.Page.EvaluateAsync("window.scrollTo(0, 0)");
        await Screenshots.SaveAsync(session.Page, "history-trades-1280.png");

        var href = await session.Page.Locator("[data-testid=download-csv]").GetAttributeAsync("href");
        Assert.True(href?.Contains("to=", StringComparison.Ordinal), $"The download link {href} lacks the date filter.");
        var download = await session.Page.RunAndWaitForDownloadAsync(() => session.Page.ClickAsync("[data-testid=download-csv]"));
        var lines = await File.ReadAllLinesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);

        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        var time = Array.IndexOf(header, "time");
        var symbol = Array.IndexOf(header, "symbol");
        var size = Array.IndexOf(header, "size");
        var price = Array.IndexOf(header, "price");
        Assert.True(expected.Count == rows.Count, $"{rows.Count} rows in the CSV of {href}, {expected.Count} expected.");
        Assert.All(rows, r => Assert.Equal(Symbol, r[symbol]));
        Assert.Equal(
            expected.Select(t => (t.Timestamp.UtcTicks, t.Size, t.Price)).Order(),
            rows.Select(r => (DateTimeOffset.Parse(r[time], CultureInfo.InvariantCulture).UtcTicks,
                decimal.Parse(r[size], CultureInfo.InvariantCulture), decimal.Parse(r[price], CultureInfo.InvariantCulture))).Order());
        Assert.Equal(25, secondPage.Length);
        Assert.All(secondPage, utc => Assert.Contains(rows, r => r[time].StartsWith(utc.TrimEnd('Z'), StringComparison.Ordinal)));
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Phone_trades_fit_375_px_without_sideways_scrolling()
    {
        await SyncDemoLedgerAsync();
        await using var session = await DemoSessionAsync(375, 812);
        await session.Page.GotoAsync("/history/trades");
        await WaitForRowsAsync(session);

        var scrollWidth = await session.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        await Screenshots.SaveAsync(session.Page, "history-trades-375.png");

        Assert.True(scrollWidth <= 375, $"The trades page is {scrollWidth} px wide on a 375 px screen.");
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Dark_trades_page_renders_its_grid()
    {
        await SyncDemoLedgerAsync();
        await using var session = await DemoSessionAsync(1280, 900);
        await session.ToggleThemeAsync();
        try
        {
            await session.Page.GotoAsync("/history/trades");
            await WaitForRowsAsync(session);
            await Screenshots.SaveAsync(session.Page, "history-trades-1280-dark.png");

            Assert.True(await session.Page.Locator(Rows).CountAsync() > 0);
            Assert.Empty(session.ConsoleErrors);
        }
        finally
        {
            await session.ToggleThemeAsync();
        }
    }

    /// <summary>Syncs the demo account's connection to its end (the scheduler may already be at it; runs never overlap).</summary>
    private async Task SyncDemoLedgerAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        PortalUser? demo = null;
        await Eventually.SucceedsAsync("the demo account to be seeded", async () => (demo = await users.FindByEmailAsync(DemoAccount.Email)) is not null);
        var connection = (await scope.ServiceProvider.GetRequiredService<ConnectionService>().ListAsync(demo!.Id, cancellationToken)).Single();
        var result = await portal.Services.GetRequiredService<LedgerSyncCoordinator>().SyncNowAsync(demo.Id, connection.Id, cancellationToken);
        Assert.True(result.Succeeded, "The demo ledger did not sync completely.");
    }

    private async Task<PortalSession> DemoSessionAsync(int width, int height)
    {
        var session = await PortalSession.OpenAsync(chromium.Browser, portal.BaseUrl, width, height);
        await session.Page.GotoAsync("/Account/Login");
        await session.Page.ClickAsync("[data-testid=try-demo]");
        await session.Page.WaitForURLAsync(session.BaseUrl + "/", new PageWaitForURLOptions { Timeout = 90_000 });
        return session;
    }

    private static async Task WaitForRowsAsync(PortalSession session)
    {
        await session.WaitUntilInteractiveAsync();
        await session.Page.WaitForSelectorAsync(Rows, new PageWaitForSelectorOptions { Timeout = 20_000 });
    }

    private static async Task<string?> FirstRowTimeAsync(PortalSession session) =>
        await session.Page.Locator($"{Rows} [data-testid=history-time]").First.GetAttributeAsync("data-utc");

    /// <summary>Opens the pair select and picks <paramref name="label"/> until the address carries the pair (clicks before
    /// the circuit answers, or while the popover animates, are retried).</summary>
    private static async Task PickSymbolAsync(PortalSession session, string label)
    {
        await Eventually.SucceedsAsync($"the pair select to filter by {label}", async () =>
        {
            if (session.Page.Url.Contains("symbol=" + label.ToLowerInvariant(), StringComparison.Ordinal))
            {
                return true;
            }

            var item = session.Page.Locator(".mud-popover-open .mud-list-item").GetByText(label, new() { Exact = true });
            if (await item.CountAsync() == 0)
            {
                await session.Page.ClickAsync("[data-testid=filter-symbol]");
                return false;
            }

            try
            {
                await item.First.ClickAsync(new LocatorClickOptions { Timeout = 2_000 });
            }
            catch (TimeoutException)
            {
                return false;
            }

            await Task.Delay(1_000, TestContext.Current.CancellationToken);
            return session.Page.Url.Contains("symbol=" + label.ToLowerInvariant(), StringComparison.Ordinal);
        });
    }

    /// <summary>Types both days into the range picker until the address carries the range.</summary>
    private static async Task TypeDateRangeAsync(PortalSession session, DateTime from, DateTime to)
    {
        var inputs = session.Page.Locator("[data-testid=filter-dates] input");
        Assert.Equal(2, await inputs.CountAsync());
        await Eventually.SucceedsAsync("the address to carry the dates", async () =>
        {
            if (session.Page.Url.Contains("to=", StringComparison.Ordinal))
            {
                return true;
            }

            await inputs.Nth(0).FillAsync(from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await inputs.Nth(0).PressAsync("Tab");
            await inputs.Nth(1).FillAsync(to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await inputs.Nth(1).PressAsync("Tab");
            await Task.Delay(1_000, TestContext.Current.CancellationToken);
            return session.Page.Url.Contains("to=", StringComparison.Ordinal);
        });
    }
}

using System.Text;
using AllexPortal.E2E.Infrastructure;
using AllexPortal.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AllexPortal.E2E.Dashboard;

/// <summary>
/// The demo account's dashboard in a real browser: a live total, both ApexCharts charts, the quote switch, the
/// phone and dark layouts (saved as screenshots), and no credential in the page or its SignalR traffic.
/// </summary>
public sealed class DashboardTests(PortalServer portal, Chromium chromium)
    : IClassFixture<PortalServer>, IClassFixture<Chromium>
{
    private const string Total = "[data-testid=total-card] [data-testid=value-amount]";

    [Fact]
    public async Task Demo_user_sees_a_non_zero_total_and_both_charts_drawn()
    {
        await using var session = await DemoSessionAsync(1280, 900);

        var total = await session.Page.Locator(Total).InnerTextAsync();
        await Screenshots.SaveAsync(session.Page, "dashboard-1280.png");

        Assert.Matches(@"^[1-9][\d,]*\.\d\d USDT$", total);
        Assert.True(await session.Page.Locator("[data-testid=allocation-chart] svg").CountAsync() > 0);
        Assert.True(await session.Page.Locator("[data-testid=history-chart] svg").CountAsync() > 0);
        Assert.True(await session.Page.Locator("[data-testid=asset-coin]").CountAsync() > 1);
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Switching_the_quote_currency_changes_the_value()
    {
        await using var session = await DemoSessionAsync(1280, 900);
        var inUsdt = await session.Page.Locator(Total).InnerTextAsync();

        await session.Page.SelectOptionAsync("[data-testid=quote-select]", "btc");
        await Eventually.SucceedsAsync("the total to be shown in BTC", async () =>
            (await session.Page.Locator(Total).InnerTextAsync()).EndsWith(" BTC", StringComparison.Ordinal));

        var inBtc = await session.Page.Locator(Total).InnerTextAsync();
        Assert.NotEqual(inUsdt, inBtc);
        Assert.Contains("at today's rate", await session.Page.Locator("[data-testid=history-note]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Neither_the_page_nor_its_websocket_frames_carry_the_demo_key_or_secret()
    {
        var demo = portal.Services.GetRequiredService<SandboxExchange>().Options.Demo;
        var session = await PortalSession.OpenAsync(chromium.Browser, portal.BaseUrl, 1280, 900);
        await using var _ = session;
        var frames = new List<string>();
        session.Page.WebSocket += (_, socket) =>
        {
            socket.FrameReceived += (_, frame) => Record(frames, frame);
            socket.FrameSent += (_, frame) => Record(frames, frame);
        };

        await SignInToDemoAsync(session);
        await session.Page.ClickAsync("[data-testid=refresh]");
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        var html = await session.Page.ContentAsync();

        Assert.NotEmpty(frames);
        lock (frames)
        {
            Assert.All(frames, f => Assert.DoesNotContain(demo.ApiSecret, f, StringComparison.Ordinal));
            Assert.All(frames, f => Assert.DoesNotContain(demo.ApiKey, f, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(demo.ApiSecret, html, StringComparison.Ordinal);
        Assert.DoesNotContain(demo.ApiKey, html, StringComparison.Ordinal);
        Assert.Contains(demo.ApiKey[^4..], html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Phone_dashboard_fits_375_px_without_sideways_scrolling()
    {
        await using var session = await DemoSessionAsync(375, 812);

        var scrollWidth = await session.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        await Screenshots.SaveAsync(session.Page, "dashboard-375.png");
        await session.Page.Locator("[data-testid=asset-table]").ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(session.Page, "dashboard-assets-375.png");

        Assert.True(scrollWidth <= 375, $"The dashboard is {scrollWidth} px wide on a 375 px screen.");
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Dark_dashboard_draws_its_charts_in_dark_mode()
    {
        await using var session = await DemoSessionAsync(1280, 900);
        await session.ToggleThemeAsync();
        try
        {
            await session.Page.ReloadAsync();
            await WaitForDashboardAsync(session);
            await Screenshots.SaveAsync(session.Page, "dashboard-1280-dark.png");

            Assert.True(await session.Page.Locator("[data-testid=allocation-chart] .apexcharts-theme-dark").CountAsync() > 0);
            Assert.Empty(session.ConsoleErrors);
        }
        finally
        {
            await session.ToggleThemeAsync();
        }
    }

    [Fact]
    public async Task Charts_follow_the_theme_toggle_without_a_reload()
    {
        await using var session = await DemoSessionAsync(1280, 900);
        var darkCharts = session.Page.Locator("[data-testid=allocation-chart] .apexcharts-theme-dark");
        Assert.Equal(0, await darkCharts.CountAsync());

        await session.ToggleThemeAsync();
        try
        {
            await Eventually.SucceedsAsync("the allocation chart turns dark", async () => await darkCharts.CountAsync() > 0);
            Assert.Empty(session.ConsoleErrors);
        }
        finally
        {
            await session.ToggleThemeAsync();
        }
    }

    private async Task<PortalSession> DemoSessionAsync(int width, int height)
    {
        var session = await PortalSession.OpenAsync(chromium.Browser, portal.BaseUrl, width, height);
        await SignInToDemoAsync(session);
        return session;
    }

    private static async Task SignInToDemoAsync(PortalSession session)
    {
        await session.Page.GotoAsync("/Account/Login");
        await session.Page.ClickAsync("[data-testid=try-demo]");
        await session.Page.WaitForURLAsync(session.BaseUrl + "/");
        await WaitForDashboardAsync(session);
    }

    private static async Task WaitForDashboardAsync(PortalSession session)
    {
        await session.WaitUntilInteractiveAsync();
        // The first demo sign-in seeds the sandbox account and starts its ledger sync; on a loaded 2-core CI
        // runner the first render of the total took over 20 s once.
        var charts = new PageWaitForSelectorOptions { Timeout = 45_000 };
        await session.Page.WaitForSelectorAsync(Total, charts);
        await session.Page.WaitForSelectorAsync("[data-testid=allocation-chart] svg", charts);
        await session.Page.WaitForSelectorAsync("[data-testid=history-chart] svg", charts);
    }

    private static void Record(List<string> frames, IWebSocketFrame frame)
    {
        var text = frame.Text ?? (frame.Binary is { } bytes ? Encoding.UTF8.GetString(bytes) : "");
        lock (frames)
        {
            frames.Add(text);
        }
    }
}

using AllexPortal.E2E.Infrastructure;
using AllexPortal.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AllexPortal.E2E.Connections;

/// <summary>The connections page in a real browser, entered through "Try the demo" (the portal runs in demo mode).</summary>
public sealed class ConnectionsPageTests(PortalServer portal, Chromium chromium)
    : IClassFixture<PortalServer>, IClassFixture<Chromium>
{
    private SandboxAccountOptions Demo => portal.Services.GetRequiredService<SandboxExchange>().Options.Demo;

    [Fact]
    public async Task Try_the_demo_leads_to_the_sandbox_demo_connection_with_its_key_masked()
    {
        await using var session = await DemoSessionAsync();

        await session.Page.ClickAsync("[data-testid=nav-connections]");
        await session.Page.WaitForURLAsync("**/connections");
        var label = await session.Page.Locator("[data-testid=connection-label]").First.TextContentAsync();
        var key = await session.Page.Locator("[data-testid=connection-key]").First.TextContentAsync();
        var html = await session.Page.ContentAsync();

        Assert.Equal("Sandbox demo", label);
        Assert.Equal("…" + Demo.ApiKey[^4..], key);
        Assert.DoesNotContain(Demo.ApiKey, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Demo.ApiSecret, html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task A_registered_user_checks_the_sandbox_key_in_the_form_sees_its_permissions_and_saves_it()
    {
        await using var session = await PortalSession.OpenAsync(chromium.Browser, portal.BaseUrl, 1280, 800);
        await session.RegisterAsync($"anna-{Guid.NewGuid().ToString("N")[..6]}@example.com");
        await session.Page.GotoAsync("/connections");
        await session.WaitUntilInteractiveAsync();
        var rows = session.Page.Locator("[data-testid=connection-label]");
        var before = await rows.CountAsync();

        // The page is interactive, so one check suffices; refilling and re-clicking while a slow check was still
        // running (as an earlier version did every 500 ms) could keep a loaded runner from ever showing its result.
        await session.Page.FillAsync(Input("add-label"), "Second sandbox");
        await session.Page.FillAsync(Input("api-key"), Demo.ApiKey);
        await session.Page.FillAsync(Input("api-secret"), Demo.ApiSecret);
        await session.Page.ClickAsync("[data-testid=add-check]");
        await session.Page.Locator("[data-testid=add-permissions]").WaitForAsync(new LocatorWaitForOptions { Timeout = 45_000 });
        var permissions = await session.Page.Locator("[data-testid=add-permissions]").TextContentAsync();
        await session.Page.ClickAsync("[data-testid=add-save]");
        await Eventually.SucceedsAsync("the new connection to be listed", async () => await rows.CountAsync() == before + 1);
        await Screenshots.SaveAsync(session.Page, "connections-1280.png");

        Assert.Contains("read ✓", permissions, StringComparison.Ordinal);
        Assert.Contains("trade ✓", permissions, StringComparison.Ordinal);
        Assert.Contains("withdraw ✗", permissions, StringComparison.Ordinal);
        Assert.Equal(0, before);
        Assert.Equal("Second sandbox", await rows.Last.TextContentAsync());
        Assert.DoesNotContain(Demo.ApiSecret, await session.Page.Locator("[data-testid=connection-list]").InnerHTMLAsync(), StringComparison.Ordinal);
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task A_new_user_who_types_another_address_as_the_exchange_is_told_which_exchanges_are_allowed()
    {
        await using var session = await PortalSession.OpenAsync(chromium.Browser, portal.BaseUrl, 1280, 800);
        await session.RegisterAsync($"mallory-{Guid.NewGuid().ToString("N")[..6]}@example.com");
        await session.Page.GotoAsync("/connections");
        await session.WaitUntilInteractiveAsync();

        await session.Page.FillAsync(Input("add-label"), "Metadata");
        await session.Page.FillAsync(Input("add-base-url"), "http://169.254.169.254/latest/meta-data/");
        await session.Page.FillAsync(Input("api-key"), Demo.ApiKey);
        await session.Page.FillAsync(Input("api-secret"), Demo.ApiSecret);
        await session.Page.ClickAsync("[data-testid=add-check]");
        var notice = session.Page.Locator("[data-testid=connections-notice]");
        await notice.WaitForAsync(new LocatorWaitForOptions { Timeout = 45_000 });
        await Screenshots.SaveAsync(session.Page, "connections-refused-1280.png");

        Assert.Contains("This portal connects only to", await notice.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await session.Page.Locator("[data-testid=add-permissions]").CountAsync());
        Assert.Equal(0, await session.Page.Locator("[data-testid=connection-label]").CountAsync());
    }

    private static string Input(string testId) => $"input[data-testid={testId}], [data-testid={testId}] input";

    private async Task<PortalSession> DemoSessionAsync()
    {
        var session = await PortalSession.OpenAsync(chromium.Browser, portal.BaseUrl, 1280, 800);
        await session.Page.GotoAsync("/Account/Login");
        await session.Page.ClickAsync("[data-testid=try-demo]");
        await session.Page.WaitForURLAsync(portal.BaseUrl + "/");
        await session.WaitUntilInteractiveAsync();
        return session;
    }
}

using System.Text.RegularExpressions;
using AllexPortal.E2E.Infrastructure;
using AllexPortal.Exchange;
using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Security;
using AllexPortal.Exchange.Trading;
using AllexPortal.Sandbox;
using AllexPortal.Web.Access;
using AllexPortal.Web.Audit;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.Email;
using AllexPortal.Web.Exchange;
using AllexPortal.Web.Ledger;
using AllexPortal.Web.Orders;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AllexPortal.E2E.Teams;

/// <summary>
/// Issue 9 in a real browser: an Owner shares a connection with a new team and invites a Viewer by e-mail; the
/// Viewer registers from the link, accepts, and sees the team's dashboard and history without any Cancel or key
/// buttons; a crafted cancel for the team's open order is refused on the server; the Owner's audit log shows it
/// all with the browser's address. Screenshots of the team page and the audit log (light, dark, 375 px).
/// </summary>
public sealed partial class TeamInvitationTests(PortalServer portal, Chromium chromium)
    : IClassFixture<PortalServer>, IClassFixture<Chromium>
{
    private const string TeamName = "E2E Fund";
    private const string TradeRows = "[data-testid=trades-grid] tbody tr.mud-table-row";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_invited_viewer_sees_the_team_but_can_neither_cancel_nor_manage_keys()
    {
        var ownerEmail = $"owner-{Guid.NewGuid():N}@example.com";
        var viewerEmail = $"viewer-{Guid.NewGuid():N}@example.com";
        await using var owner = await PortalSession.OpenAsync(chromium.Browser, portal.BaseUrl, 1280, 900);
        await owner.RegisterAsync(ownerEmail);
        var (ownerId, connectionId) = await ConnectDemoKeyAsync(ownerEmail);
        var openOrder = await PlaceOpenOrderAsync();
        await SyncAsync(ownerId, connectionId);

        var teamId = await CreateTeamAsync(owner);
        await ClickUntilAsync(owner, "[data-testid=connection-move-in]", "[data-testid=team-connection-label]");
        await InviteAsync(owner, viewerEmail);
        var link = portal.Services.GetRequiredService<EmailOutbox>().LatestTo(viewerEmail)?.Link;
        Assert.NotNull(link);

        await using var viewer = await PortalSession.OpenAsync(chromium.Browser, portal.BaseUrl, 1280, 900);
        await viewer.Page.GotoAsync(new Uri(link).PathAndQuery);
        Assert.Contains(TeamName, await viewer.Page.Locator("[data-testid=invitation-team]").InnerTextAsync(), StringComparison.Ordinal);
        await viewer.Page.ClickAsync("[data-testid=invitation-register]");
        await viewer.Page.FillAsync("[name='Input.Email']", viewerEmail);
        await viewer.Page.FillAsync("[name='Input.Password']", PortalSession.Password);
        await viewer.Page.FillAsync("[name='Input.ConfirmPassword']", PortalSession.Password);
        await viewer.Page.ClickAsync("[data-testid=register-submit]");
        await viewer.Page.WaitForURLAsync("**/invitations/**");
        await ClickUntilAsync(viewer, "[data-testid=invitation-accept]", $"[data-testid=workspace-current][data-workspace='{teamId}']");

        await viewer.Page.WaitForURLAsync(portal.BaseUrl + "/");
        var total = "[data-testid=total-card] [data-testid=value-amount]";
        await viewer.Page.WaitForSelectorAsync(total, new PageWaitForSelectorOptions { Timeout = 30_000 });
        await Eventually.SucceedsAsync("the team's total to be shown", async () =>
            TotalShape().IsMatch((await viewer.Page.Locator(total).InnerTextAsync()).Trim()));

        await viewer.Page.GotoAsync("/history/trades");
        await viewer.Page.WaitForSelectorAsync(TradeRows, new PageWaitForSelectorOptions { Timeout = 30_000 });
        await viewer.Page.GotoAsync("/history/orders?status=open");
        await viewer.Page.WaitForSelectorAsync("[data-testid=orders-grid] [data-testid=order-status]", new PageWaitForSelectorOptions { Timeout = 30_000 });
        await viewer.WaitUntilInteractiveAsync();
        Assert.Equal(0, await viewer.Page.Locator("[data-testid=cancel-order], [data-testid=cancel-all]").CountAsync());

        await viewer.Page.GotoAsync("/connections");
        await viewer.Page.WaitForSelectorAsync("[data-testid=connection-label]", new PageWaitForSelectorOptions { Timeout = 15_000 });
        Assert.Equal(0, await viewer.Page.Locator(
            "[data-testid=connection-rename], [data-testid=connection-rotate], [data-testid=connection-delete], [data-testid=connection-add]").CountAsync());

        var viewerId = await UserIdAsync(viewerEmail);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await Assert.ThrowsAnyAsync<AccessDeniedException>(() =>
                scope.ServiceProvider.GetRequiredService<OrderCancellation>().CancelAsync(viewerId, connectionId, openOrder.Id, Token));
        }

        Assert.Contains(Sandbox.LiveOrdersOf(Sandbox.Options.Demo.Email), o => o.Id == openOrder.Id);
        Assert.Empty(viewer.ConsoleErrors);

        await owner.Page.GotoAsync("/audit");
        await owner.Page.WaitForSelectorAsync("[data-testid=audit-table]", new PageWaitForSelectorOptions { Timeout = 15_000 });
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(Token);
        var entries = await db.AuditEntries.Where(e => e.WorkspaceId == teamId).ToListAsync(Token);
        var invited = Assert.Single(entries, e => e.Action == AuditAction.MemberInvited);
        Assert.Equal("127.0.0.1", invited.IpAddress);
        Assert.Contains(entries, e => e.Action == AuditAction.InvitationAccepted && e.ActorUserId == viewerId && e.IpAddress == "127.0.0.1");
        Assert.Contains(entries, e => e.Action == AuditAction.AccessDenied && e.ActorUserId == viewerId);
        var actions = await owner.Page.Locator("[data-testid=audit-row-action]").AllInnerTextsAsync();
        Assert.Contains(nameof(AuditAction.InvitationAccepted), actions);
        Assert.Contains(nameof(AuditAction.MemberInvited), actions);
        Assert.Empty(owner.ConsoleErrors);
    }

    [Fact]
    public async Task The_team_page_and_the_audit_log_render_in_light_dark_and_on_a_phone()
    {
        var ownerEmail = $"owner-{Guid.NewGuid():N}@example.com";
        await using var owner = await PortalSession.OpenAsync(chromium.Browser, portal.BaseUrl, 1280, 900);
        await owner.RegisterAsync(ownerEmail);
        var teamId = await CreateTeamAsync(owner);
        await InviteAsync(owner, $"invitee-{Guid.NewGuid():N}@example.com");

        await SaveAsync(owner, $"/teams/{teamId}", "[data-testid=invitation-list]", "team-1280-light.png");
        await SaveAsync(owner, "/audit", "[data-testid=audit-table]", "audit-1280-light.png");
        await owner.ToggleThemeAsync();
        try
        {
            await SaveAsync(owner, $"/teams/{teamId}", "[data-testid=invitation-list]", "team-1280-dark.png");
            await SaveAsync(owner, "/audit", "[data-testid=audit-table]", "audit-1280-dark.png");
        }
        finally
        {
            await owner.ToggleThemeAsync();
        }

        await owner.Page.SetViewportSizeAsync(375, 812);
        await SaveAsync(owner, $"/teams/{teamId}", "[data-testid=invitation-list]", "team-375.png");
        Assert.True(await FitsWidthAsync(owner), "The team page scrolls sideways at 375 px.");
        await SaveAsync(owner, "/audit", "[data-testid=audit-table]", "audit-375.png");
        Assert.True(await FitsWidthAsync(owner), "The audit log scrolls sideways at 375 px.");
        Assert.Empty(owner.ConsoleErrors);
    }

    private SandboxExchange Sandbox => portal.Services.GetRequiredService<SandboxExchange>();

    private static async Task<Guid> CreateTeamAsync(PortalSession owner)
    {
        await owner.Page.GotoAsync("/teams");
        await owner.WaitUntilInteractiveAsync();
        await Eventually.SucceedsAsync("the team name to be taken", async () =>
        {
            await owner.Page.FillAsync("input[data-testid=team-name], [data-testid=team-name] input", TeamName);
            return await owner.Page.Locator("[data-testid=team-create]").IsEnabledAsync();
        });
        await owner.Page.ClickAsync("[data-testid=team-create]");
        await owner.Page.WaitForURLAsync(TeamAddress(), new PageWaitForURLOptions { Timeout = 15_000 });
        return Guid.Parse(TeamAddress().Match(owner.Page.Url).Groups[1].Value);
    }

    private static async Task InviteAsync(PortalSession owner, string email)
    {
        var field = "input[data-testid=invite-email], [data-testid=invite-email] input";
        await owner.Page.WaitForSelectorAsync(field, new PageWaitForSelectorOptions { Timeout = 15_000 });
        await Eventually.SucceedsAsync("the invitation's address to be taken", async () =>
        {
            await owner.Page.FillAsync(field, email);
            return await owner.Page.Locator("[data-testid=invite-send]").IsEnabledAsync();
        });
        await owner.Page.ClickAsync("[data-testid=invite-send]");
        await owner.Page.WaitForSelectorAsync($"[data-testid=invitation-email] >> text={email}", new PageWaitForSelectorOptions { Timeout = 15_000 });
    }

    /// <summary>Clicks <paramref name="button"/> until <paramref name="outcome"/> shows (a click before the circuit is interactive does nothing).</summary>
    private static async Task ClickUntilAsync(PortalSession session, string button, string outcome) =>
        await Eventually.SucceedsAsync($"{button} to lead to {outcome}", async () =>
        {
            if (await session.Page.Locator(outcome).CountAsync() > 0)
            {
                return true;
            }

            if (await session.Page.Locator(button).CountAsync() > 0)
            {
                await session.Page.Locator(button).First.ClickAsync(new LocatorClickOptions { Timeout = 2_000 });
            }

            for (var waited = 0; waited < 20; waited++)
            {
                if (await session.Page.Locator(outcome).CountAsync() > 0)
                {
                    return true;
                }

                await Task.Delay(100, Token);
            }

            return false;
        });

    private static async Task SaveAsync(PortalSession session, string path, string ready, string fileName)
    {
        await session.Page.GotoAsync(path);
        await session.WaitUntilInteractiveAsync();
        await session.Page.WaitForSelectorAsync(ready, new PageWaitForSelectorOptions { Timeout = 15_000 });
        await Screenshots.SaveAsync(session.Page, fileName);
    }

    private static async Task<bool> FitsWidthAsync(PortalSession session) =>
        await session.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1");

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email);
        return user?.Id ?? throw new InvalidOperationException($"No account {email}.");
    }

    /// <summary>Stores a connection of the owner with the sandbox's demo key (two years of history), checked by the real service.</summary>
    private async Task<(string OwnerId, Guid ConnectionId)> ConnectDemoKeyAsync(string ownerEmail)
    {
        var ownerId = await UserIdAsync(ownerEmail);
        var demo = Sandbox.Options.Demo;
        await using var scope = portal.Services.CreateAsyncScope();
        var connections = scope.ServiceProvider.GetRequiredService<ConnectionService>();
        var added = await connections.AddAsync(
            ownerId, "Shared demo key", connections.DefaultBaseUrl.AbsoluteUri, demo.ApiKey, demo.ApiSecret, withdrawalConfirmed: true, Token);
        return (ownerId, added.Id);
    }

    private async Task SyncAsync(string ownerId, Guid connectionId)
    {
        var result = await portal.Services.GetRequiredService<LedgerSyncCoordinator>().SyncNowAsync(ownerId, connectionId, Token);
        Assert.True(result.Succeeded, "The owner's ledger did not sync completely.");
    }

    /// <summary>A resting limit buy far below the market on the demo account, as the team's open order.</summary>
    private async Task<SandboxOrder> PlaceOpenOrderAsync()
    {
        var demo = Sandbox.Options.Demo;
        var client = portal.Services.GetRequiredService<IAllexClientFactory>()
            .ForApiKey(portal.Services.GetRequiredService<PortalExchangeEndpoint>().BaseUrl, new ApiKeyCredentials(demo.ApiKey, demo.ApiSecret));
        var order = await client.Trading.CreateOrderAsync(
            new CreateOrderRequest { Symbol = "btc-usdt", Side = OrderSide.Buy, Size = 0.001m, Type = OrderType.Limit, Price = Math.Floor(Sandbox.PriceOf("btc-usdt") / 2m) },
            Token);
        return Sandbox.LiveOrdersOf(demo.Email).Single(o => o.Id == order.Id);
    }

    [GeneratedRegex(@"^[1-9][\d,]*\.\d\d USDT$")]
    private static partial Regex TotalShape();

    [GeneratedRegex(@"/teams/([0-9a-f-]{36})$")]
    private static partial Regex TeamAddress();
}

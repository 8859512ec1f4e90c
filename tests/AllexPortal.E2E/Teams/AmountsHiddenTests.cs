using System.Globalization;
using System.Text;
using AllexPortal.E2E.Infrastructure;
using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Security;
using AllexPortal.Sandbox;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.Ledger;
using AllexPortal.Web.Portfolio;
using AllexPortal.Web.Teams;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AllexPortal.E2E.Teams;

/// <summary>
/// Issue 9's "Viewer without amounts" in a real browser: a member with that role signs in to a team that shares the
/// sandbox's demo account and sees its dashboard and trades as shares, changes and counts. Every SignalR frame the
/// browser receives is recorded, and none may carry a balance of the account or a value of the keyholder's own
/// valuation. Screenshots of both pages (light, dark, 375 px) go to docs/screenshots/.
/// </summary>
public sealed class AmountsHiddenTests(PortalServer portal, Chromium chromium)
    : IClassFixture<PortalServer>, IClassFixture<Chromium>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_dashboard_frame_carries_a_balance_or_value_for_a_viewer_without_amounts()
    {
        var (teamId, keyholderId, _, memberEmail) = await TeamWithBlindMemberAsync();
        await using var session = await PortalSession.OpenAsync(chromium.Browser, portal.BaseUrl, 1280, 900);
        var frames = new List<string>();
        session.Page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) => Record(frames, frame);

        await session.SubmitSignInAsync(memberEmail);
        await session.Page.WaitForSelectorAsync("[data-testid=share-table] [data-coin]", new PageWaitForSelectorOptions { Timeout = 30_000 });
        await session.Page.WaitForSelectorAsync("[data-testid=allocation-chart] svg", new PageWaitForSelectorOptions { Timeout = 20_000 });
        await Eventually.SucceedsAsync("the refresh to answer", async () =>
        {
            await session.Page.ClickAsync("[data-testid=refresh]");
            return true;
        });
        await Task.Delay(1500, Token);
        var shownShare = (await session.Page.Locator("[data-testid=asset-share]").First.InnerTextAsync()).Trim();
        var amounts = await AmountsAsync(keyholderId, teamId);

        List<string> received;
        lock (frames)
        {
            received = [.. frames];
        }

        Assert.Contains(received, f => f.Contains(shownShare, StringComparison.Ordinal));
        var inFrames = amounts.Where(a => received.Any(f => f.Contains(a, StringComparison.Ordinal))).ToList();
        Assert.True(inFrames.Count == 0, $"Amounts in SignalR frames: {string.Join(", ", inFrames)}");
        var html = await session.Page.InnerTextAsync("body");
        var inPage = amounts.Where(a => html.Contains(a, StringComparison.Ordinal)).ToList();
        Assert.True(inPage.Count == 0, $"Amounts in the page's text: {string.Join(", ", inPage)}");
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Dashboard_and_trades_without_amounts_render_in_light_dark_and_on_a_phone()
    {
        var (_, _, connectionId, memberEmail) = await TeamWithBlindMemberAsync();
        await AddTradesAsync(connectionId);
        await using var session = await PortalSession.OpenAsync(chromium.Browser, portal.BaseUrl, 1280, 900);
        await session.SubmitSignInAsync(memberEmail);

        await SaveAsync(session, "/", "[data-testid=allocation-chart] svg", "amounts-hidden-dashboard-1280-light.png");
        await SaveAsync(session, "/history/trades", "[data-testid=trade-symbol]", "amounts-hidden-trades-1280-light.png");
        Assert.Equal(0, await session.Page.Locator("[data-testid=download-csv]").CountAsync());
        await session.ToggleThemeAsync();
        try
        {
            await SaveAsync(session, "/", "[data-testid=allocation-chart] svg", "amounts-hidden-dashboard-1280-dark.png");
            await SaveAsync(session, "/history/trades", "[data-testid=trade-symbol]", "amounts-hidden-trades-1280-dark.png");
        }
        finally
        {
            await session.ToggleThemeAsync();
        }

        await session.Page.SetViewportSizeAsync(375, 812);
        await SaveAsync(session, "/", "[data-testid=share-table] [data-coin]", "amounts-hidden-dashboard-375.png");
        Assert.True(await session.Page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 375);
        await SaveAsync(session, "/history/trades", "[data-testid=trade-symbol]", "amounts-hidden-trades-375.png");
        Assert.Empty(session.ConsoleErrors);
    }

    private static async Task SaveAsync(PortalSession session, string path, string ready, string file)
    {
        await session.Page.GotoAsync(path);
        await session.WaitUntilInteractiveAsync();
        await session.Page.WaitForSelectorAsync(ready, new PageWaitForSelectorOptions { Timeout = 30_000 });
        await Task.Delay(500, Token);
        await Screenshots.SaveAsync(session.Page, file);
    }

    /// <summary>A keyholder's team sharing a connection to the sandbox's demo account, and a member without amounts whose
    /// remembered workspace is that team (so signing in lands on its dashboard).</summary>
    private async Task<(Guid TeamId, string KeyholderId, Guid ConnectionId, string MemberEmail)> TeamWithBlindMemberAsync()
    {
        var keyholder = await PersonAsync("keyholder");
        var member = await PersonAsync("blind");
        await using var scope = portal.Services.CreateAsyncScope();
        var team = await scope.ServiceProvider.GetRequiredService<WorkspaceService>().CreateTeamAsync(keyholder.Id, "Strategy club", Token);
        var demo = portal.Services.GetRequiredService<SandboxExchange>().Options.Demo;
        var connection = new ExchangeConnection
        {
            Id = Guid.NewGuid(),
            OwnerId = keyholder.Id,
            WorkspaceId = team.Id,
            Label = "Club account",
            BaseUrl = "/sandbox",
            IsDemo = true,
            ApiKeyHint = "",
            ProtectedApiKey = "",
            ProtectedApiSecret = "",
            CanRead = true,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        portal.Services.GetRequiredService<CredentialVault>().Seal(connection, new ApiKeyCredentials(demo.ApiKey, demo.ApiSecret));
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(Token);
        db.Connections.Add(connection);
        db.WorkspaceMembers.Add(new WorkspaceMember
        {
            WorkspaceId = team.Id!.Value,
            UserId = member.Id,
            Role = WorkspaceRole.ViewerWithoutAmounts,
            JoinedAt = DateTimeOffset.UtcNow,
            GrantedByUserId = keyholder.Id,
        });
        await db.SaveChangesAsync(Token);
        await db.Users.Where(u => u.Id == member.Id).ExecuteUpdateAsync(set => set.SetProperty(u => u.LastWorkspaceId, team.Id), Token);
        return (team.Id.Value, keyholder.Id, connection.Id, member.Email!);
    }

    private async Task<PortalUser> PersonAsync(string name)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var email = $"{name}-{Guid.NewGuid():N}@example.com";
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().CreateAsync(user, PortalSession.Password);
        return created.Succeeded ? user : throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
    }

    private async Task AddTradesAsync(Guid connectionId)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(Token);
        var at = DateTimeOffset.UtcNow.AddDays(-2);
        string[] symbols = ["btc-usdt", "eth-usdt", "btc-usdt", "xht-usdt"];
        for (var i = 0; i < symbols.Length; i++)
        {
            var coins = symbols[i].Split('-');
            db.LedgerTrades.Add(new LedgerTrade
            {
                ConnectionId = connectionId,
                Key = $"e2e-{i}",
                Symbol = symbols[i],
                BaseCurrency = coins[0],
                QuoteCurrency = coins[1],
                Side = i % 2 == 0 ? OrderSide.Buy : OrderSide.Sell,
                Size = 0.5m + i,
                Price = 1000m * (i + 1),
                QuoteAmount = (0.5m + i) * 1000m * (i + 1),
                Fee = 0.001m,
                FeeCoin = coins[0],
                Timestamp = at.AddHours(i),
                SyncedAt = at,
            });
        }

        foreach (var kind in Enum.GetValues<LedgerKind>())
        {
            db.LedgerSyncStates.Add(new LedgerSyncState { ConnectionId = connectionId, Kind = kind, Complete = true, LastSuccessAt = DateTimeOffset.UtcNow, LastAttemptAt = DateTimeOffset.UtcNow });
        }

        await db.SaveChangesAsync(Token);
    }

    /// <summary>
    /// The demo account's balances (as the sandbox holds them) and the keyholder's valuation of the team (values and
    /// totals), each spelled as the pages and charts would, keeping only spellings of five significant digits or more
    /// so a percentage can never match.
    /// </summary>
    private async Task<List<string>> AmountsAsync(string keyholderId, Guid teamId)
    {
        var sandbox = portal.Services.GetRequiredService<SandboxExchange>();
        var values = sandbox.BalancesOf(sandbox.Options.Demo.Email).SelectMany(b => new[] { b.Available, b.Balance }).ToList();
        await using var scope = portal.Services.CreateAsyncScope();
        var view = await scope.ServiceProvider.GetRequiredService<VisiblePortfolio>().LoadAsync(keyholderId, teamId, "usdt", VisiblePortfolio.SharesDustThreshold, Token);
        var overview = view.Amounts!;
        values.Add(overview.Combined.Total);
        values.AddRange(overview.Combined.Rows.SelectMany(r => new[] { r.Available, r.Total }));
        values.AddRange(overview.Combined.Rows.Where(r => r.IsPriced).SelectMany(r => new[] { r.Price!.Value, r.Value!.Value }));
        return [.. values.Where(v => v != 0m).SelectMany(Spellings).Distinct(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Spellings(decimal value)
    {
        var invariant = CultureInfo.InvariantCulture;
        var magnitude = Math.Abs(value);
        string[] spellings =
        [
            magnitude.ToString(invariant),
            (magnitude / 1.0000000000000000000000000000m).ToString(invariant),
            magnitude.ToString("#,##0.00", invariant),
            magnitude.ToString("#,##0.########", invariant),
            magnitude.ToString("0.########", invariant),
            magnitude.ToString("0.00", invariant),
        ];
        return spellings.Where(s => new string([.. s.Where(char.IsDigit)]).Trim('0').Length >= 5);
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

using System.IO.Compression;
using System.Text;
using AllexPortal.E2E.Infrastructure;
using AllexPortal.Exchange;
using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Security;
using AllexPortal.Exchange.Trading;
using AllexPortal.Sandbox;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.Exchange;
using AllexPortal.Web.Ledger;
using AllexPortal.Web.Portfolio;
using AllexPortal.Web.Teams;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace AllexPortal.E2E.Security;

/// <summary>
/// The role boundary of "Viewer without amounts" (issue 15, finding 2; docs/teams.md), walked in a real browser.
/// <para>
/// <b>Given</b> a team sharing a connection to an exchange account with known, distinctive figures — resting orders
/// (1.2345 BTC at 23,456.7; 123.45 SOL at 23.456), a fill of 12,345 XRP, deposits of 54,321.98 USDT and 0.31415 BTC,
/// the account's seeded trades, deposits, withdrawals and fees, its balances and the team's valuation — synced into
/// the ledger, and a second team the member is not in;
/// </para>
/// <para>
/// <b>when</b> a member whose role is Viewer without amounts opens every page of the side menu (read from the
/// rendered menu, so a new page is walked without changing this test) and every page those pages link to under the
/// same section (history tabs, the team's page), fetches every download any of them offers, and tries the downloads
/// of the team and of the other team by their ids;
/// </para>
/// <para>
/// <b>then</b> no amount of the account (in any spelling), no deposit address or transaction id, and no exchange key
/// or secret reaches the browser: not in a page's HTML, not in any SignalR frame of the circuit, not in any download;
/// the downloads the role lacks are refused by the server (403 or 404), and the other team's ids show nothing of it.
/// </para>
/// </summary>
public sealed class RoleBoundaryWalkTests(RoleBoundaryWalkTests.Portal portal, Chromium chromium)
    : IClassFixture<RoleBoundaryWalkTests.Portal>, IClassFixture<Chromium>
{
    private const string OtherTeamPrefix = "Other fund";
    private const string OtherConnectionLabel = "Other fund account";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_viewer_without_amounts_receives_no_amount_on_any_page_frame_or_download()
    {
        var world = await World.BuildAsync(portal, Token);
        var forbidden = await ForbiddenValuesAsync(world);
        Assert.True(forbidden.Count > 50, $"Only {forbidden.Count} forbidden spellings: the set-up did not produce the account's figures.");

        await using var session = await PortalSession.OpenAsync(chromium.Browser, portal.BaseUrl, 1280, 900);
        var frames = new SignalRFrames(session.Page);
        await session.SubmitSignInAsync(world.Viewer.Email!);
        await session.WaitUntilInteractiveAsync();
        Assert.Equal(world.TeamId.ToString(), await session.Page.GetAttributeAsync("[data-testid=workspace-current]", "data-workspace"));

        var findings = new List<string>();
        var walk = await WalkAsync(session, forbidden, findings);
        Assert.Contains("/trade", walk.Pages);
        Assert.Contains(walk.Pages, p => p.StartsWith("/history/orders", StringComparison.Ordinal));
        Assert.Contains(walk.Pages, p => p.StartsWith("/history/withdrawals", StringComparison.Ordinal));
        Assert.Contains($"/teams/{world.TeamId}", walk.Pages);

        foreach (var download in walk.Downloads.Concat(ReachableDownloads()))
        {
            var (status, body) = await GetAsync(session, download);
            Assert.True(status is 200 or 403 or 404, $"{download} answered {status}");
            findings.AddRange(forbidden.FindIn($"download {download} ({status})", body));
        }

        foreach (var download in RefusedDownloads(world))
        {
            var (status, body) = await GetAsync(session, download);
            if (status is not (403 or 404))
            {
                findings.Add($"download {download}: answered {status}, expected the server to refuse it (403 or 404)");
            }

            findings.AddRange(forbidden.FindIn($"refused download {download}", body));
        }

        foreach (var path in OtherTeamPages(world))
        {
            var html = await VisitAsync(session, path);
            findings.AddRange(forbidden.FindIn($"page {path}", html));
            if (html.Contains(world.OtherTeamName, StringComparison.Ordinal) || html.Contains(OtherConnectionLabel, StringComparison.Ordinal))
            {
                findings.Add($"page {path}: shows the other team or its connection");
            }
        }

        var received = frames.All;
        for (var i = 0; i < received.Count; i++)
        {
            findings.AddRange(forbidden.FindIn($"SignalR frame {i}", received[i]));
            if (received[i].Contains(world.OtherTeamName, StringComparison.Ordinal))
            {
                findings.Add($"SignalR frame {i}: names the other team");
            }
        }

        var demo = portal.Services.GetRequiredService<SandboxExchange>().Options.Demo;
        var logs = portal.Logs.Text;
        foreach (var (secret, what) in new[] { (demo.ApiKey, "exchange API key"), (demo.ApiSecret, "exchange API secret"), (demo.Password, "exchange password"), (PortalSession.Password, "portal password") })
        {
            if (logs.Contains(secret, StringComparison.Ordinal))
            {
                findings.Add($"server log: {what}");
            }
        }

        Assert.True(received.Count > 0, "No SignalR frame was recorded: the walk did not run interactively.");
        await VisitAsync(session, "/trade");
        Assert.True(await session.Page.Locator("[data-testid=open-order-activity] [data-testid=open-order]").CountAsync() >= 2,
            "The Trade page did not list the account's open orders: the walk would not have seen them leak.");
        await Screenshots.SaveAsync(session.Page, "amounts-hidden-trade-1280.png");
        await VisitAsync(session, "/wallet");
        await session.Page.WaitForSelectorAsync("[data-testid=deposit-without-amounts]");
        await Screenshots.SaveAsync(session.Page, "amounts-hidden-wallet-1280.png");

        // The control: a Viewer of the same team (with amounts) is shown the same orders with their figures, so the
        // search above would have found them.
        await using var control = await PortalSession.OpenAsync(chromium.Browser, portal.BaseUrl, 1280, 900);
        await control.SubmitSignInAsync(world.ViewerWithAmounts.Email!);
        var controlHtml = await VisitAsync(control, "/trade");
        Assert.Contains(forbidden.FindIn("control", controlHtml), f => f.Contains("open order price 23456.7", StringComparison.Ordinal));
        Assert.True(findings.Count == 0,
            $"{findings.Count} leaks to a Viewer without amounts (pages walked: {string.Join(", ", walk.Pages)}):\n" + string.Join("\n", findings.Distinct()));
    }

    /// <summary>Every page of the side menu and, under each, the pages it links to in its own section, breadth first;
    /// each page's HTML is searched once its data has loaded, and its download links are collected.</summary>
    private static async Task<(List<string> Pages, List<string> Downloads)> WalkAsync(PortalSession session, ForbiddenValues forbidden, List<string> findings)
    {
        var menu = await HrefsAsync(session.Page, "[data-testid=nav-menu] a[href]");
        Assert.True(menu.Count >= 10, $"The side menu has {menu.Count} links: {string.Join(", ", menu)}");
        var pages = new List<string>();
        var downloads = new List<string>();
        var queue = new Queue<string>(menu);
        while (queue.TryDequeue(out var path))
        {
            if (pages.Contains(path))
            {
                continue;
            }

            pages.Add(path);
            var html = await VisitAsync(session, path);
            findings.AddRange(forbidden.FindIn($"page {path}", html));
            await CollectAsync(session, menu, queue, pages, downloads);
            var tabs = session.Page.Locator(".mud-main-content .mud-tabs-tabbar .mud-tab");
            for (var tab = 1; tab < await tabs.CountAsync(); tab++)
            {
                await tabs.Nth(tab).ClickAsync();
                await SettledAsync(session.Page);
                var shown = $"{new Uri(session.Page.Url).PathAndQuery} (tab {tab + 1} of {path})";
                pages.Add(shown);
                findings.AddRange(forbidden.FindIn($"page {shown}", await session.Page.ContentAsync()));
                await CollectAsync(session, menu, queue, pages, downloads);
            }
        }

        return (pages, downloads);
    }

    /// <summary>Queues the links of the page that lead further into a menu section, and keeps its download links.</summary>
    private static async Task CollectAsync(PortalSession session, List<string> menu, Queue<string> queue, List<string> pages, List<string> downloads)
    {
        foreach (var link in await HrefsAsync(session.Page, ".mud-main-content a[href]"))
        {
            if (IsDownload(link))
            {
                if (!downloads.Contains(link))
                {
                    downloads.Add(link);
                }
            }
            else if (menu.Any(section => section != "/" && link.StartsWith(section + "/", StringComparison.OrdinalIgnoreCase)) && !pages.Contains(link))
            {
                queue.Enqueue(link);
            }
        }
    }

    private static bool IsDownload(string link) =>
        link.StartsWith("/reports/files/", StringComparison.Ordinal)
        || link.StartsWith("/history/exchange/", StringComparison.Ordinal)
        || link.Split('?')[0].EndsWith(".csv", StringComparison.Ordinal)
        || link.Split('?')[0].EndsWith(".xlsx", StringComparison.Ordinal);

    /// <summary>Downloads of the member's own personal workspace: reachable, and searched like any other.</summary>
    private static IEnumerable<string> ReachableDownloads() =>
    [
        "/audit/export.csv",
        "/history/trades.csv",
        "/history/orders.csv",
        "/history/deposits.csv",
        "/history/withdrawals.csv",
    ];

    /// <summary>The downloads of the team (the role has no Export) and of the other team (not a member), each by id:
    /// the server must refuse every one, whatever the page offered.</summary>
    private static IEnumerable<string> RefusedDownloads(World world)
    {
        var reportId = Guid.NewGuid();
        foreach (var (workspace, connection) in new[] { (world.TeamId, world.ConnectionId), (world.OtherTeamId, world.OtherConnectionId) })
        {
            foreach (var kind in new[] { "trades", "orders", "deposits", "withdrawals" })
            {
                yield return $"/history/{kind}.csv?workspace={workspace}";
            }

            foreach (var file in new[] { "trades.csv", "deposits.csv", "withdrawals.csv" })
            {
                yield return $"/history/exchange/{connection}/{file}?workspace={workspace}";
                yield return $"/history/exchange/{connection}/{file}";
            }

            yield return $"/audit/export.csv?workspace={workspace}";
            foreach (var file in new[] { "capital-gains.csv", "koinly.csv", "transactions.csv", "lots.csv", "report.xlsx" })
            {
                yield return $"/reports/files/{reportId}/{file}?workspace={workspace}";
            }
        }

        yield return $"/history/exchange/{world.OtherConnectionId}/trades.csv?workspace={world.TeamId}";
        yield return $"/history/trades.csv?workspace={world.TeamId}&connection={world.OtherConnectionId}";
    }

    /// <summary>Page routes that take ids, given the other team's: they must show nothing of it.</summary>
    private static IEnumerable<string> OtherTeamPages(World world) =>
    [
        $"/teams/{world.OtherTeamId}",
        $"/history/trades?connection={world.OtherConnectionId}",
        $"/history/orders?connection={world.OtherConnectionId}",
        $"/history/deposits?connection={world.OtherConnectionId}",
        $"/history/withdrawals?connection={world.OtherConnectionId}",
    ];

    private static async Task<string> VisitAsync(PortalSession session, string path)
    {
        await session.Page.GotoAsync(path);
        await session.WaitUntilInteractiveAsync();
        await SettledAsync(session.Page);
        return await session.Page.ContentAsync();
    }

    /// <summary>Waits until the page shows no progress indicator (its data has loaded) and a moment more for late frames.</summary>
    private static async Task SettledAsync(IPage page)
    {
        await Task.Delay(750, Token);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        while (DateTimeOffset.UtcNow < deadline
               && await page.Locator(".mud-progress-linear:visible, .mud-progress-circular:visible, [data-testid$=loading]:visible").CountAsync() > 0)
        {
            await Task.Delay(250, Token);
        }

        await Task.Delay(1000, Token);
    }

    private static async Task<List<string>> HrefsAsync(IPage page, string selector)
    {
        var hrefs = await page.Locator(selector).EvaluateAllAsync<string[]>(
            "links => links.map(a => new URL(a.href, location.href)).filter(u => u.origin === location.origin).map(u => u.pathname + u.search)");
        return [.. hrefs.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A GET with the member's cookies; the body as text (a workbook's sheets unzipped).</summary>
    private static async Task<(int Status, string Body)> GetAsync(PortalSession session, string path)
    {
        var response = await session.Page.APIRequest.GetAsync(path, new APIRequestContextOptions { MaxRedirects = 0 });
        var bytes = await response.BodyAsync();
        if (bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K')
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            var text = new StringBuilder();
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                text.Append(await reader.ReadToEndAsync(Token)).Append('\n');
            }

            return (response.Status, text.ToString());
        }

        return (response.Status, Encoding.UTF8.GetString(bytes));
    }

    /// <summary>The figures of the shared account as the sandbox holds them, the team's valuation as its keyholder
    /// sees it, the account's addresses and transaction ids, and the exchange key and secret.</summary>
    private async Task<ForbiddenValues> ForbiddenValuesAsync(World world)
    {
        var sandbox = portal.Services.GetRequiredService<SandboxExchange>();
        var demo = sandbox.Options.Demo;
        var forbidden = new ForbiddenValues();
        foreach (var balance in sandbox.BalancesOf(demo.Email))
        {
            forbidden.AddAmount(balance.Available, $"{balance.Coin} available");
            forbidden.AddAmount(balance.Balance, $"{balance.Coin} balance");
        }

        foreach (var order in sandbox.LiveOrdersOf(demo.Email))
        {
            forbidden.AddAmount(order.Size, "open order size");
            forbidden.AddAmount(order.Price, "open order price");
            forbidden.AddAmount(order.Size * order.Price, "open order value");
            forbidden.AddAmount(order.Filled, "open order filled");
            forbidden.AddAmount(order.Fee, "open order fee");
        }

        // A fill's price is the market's price at the time, which the public ticker shows too: sizes, values and fees only.
        foreach (var trade in sandbox.TradesOf(demo.Email))
        {
            forbidden.AddAmount(trade.Size, "trade size");
            forbidden.AddAmount(trade.Size * trade.Price, "trade value");
            forbidden.AddAmount(trade.Fee, "trade fee");
        }

        foreach (var transfer in sandbox.DepositsOf(demo.Email).Concat(sandbox.WithdrawalsOf(demo.Email)))
        {
            forbidden.AddAmount(transfer.Amount, $"{transfer.Type} amount");
            forbidden.AddAmount(transfer.Fee, $"{transfer.Type} fee");
            forbidden.AddIdentifier(transfer.Address, $"{transfer.Type} address");
            forbidden.AddIdentifier(transfer.TransactionId, $"{transfer.Type} transaction id");
        }

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var view = await scope.ServiceProvider.GetRequiredService<VisiblePortfolio>()
                .LoadAsync(world.Keyholder.Id, world.TeamId, "usdt", VisiblePortfolio.SharesDustThreshold, Token);
            var combined = view.Amounts!.Combined;
            forbidden.AddAmount(combined.Total, "team total value");
            foreach (var row in combined.Rows)
            {
                forbidden.AddAmount(row.Available, $"{row.Coin} available (valuation)");
                forbidden.AddAmount(row.Total, $"{row.Coin} total (valuation)");
                if (row.Value is { } value)
                {
                    forbidden.AddAmount(value, $"{row.Coin} value");
                }
            }
        }

        foreach (var address in world.DepositAddresses)
        {
            forbidden.AddIdentifier(address, "deposit address");
        }

        forbidden.AddIdentifier(demo.ApiKey, "exchange API key");
        forbidden.AddIdentifier(demo.ApiSecret, "exchange API secret");
        return forbidden;
    }

    /// <summary>The portal of this walk: the sandbox's demo account with a shorter history (200 fills), so the ledger
    /// syncs in seconds.</summary>
    public sealed class Portal : PortalServer
    {
        /// <summary>Every line the portal logged.</summary>
        public CapturedLogs Logs { get; } = new();

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Sandbox:Demo:TradeCount"] = "200",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }

    /// <summary>The people, teams and connections of the walk, and the account's figures the set-up made.</summary>
    private sealed record World(
        PortalUser Keyholder, PortalUser Viewer, PortalUser ViewerWithAmounts, Guid TeamId, Guid ConnectionId, Guid OtherTeamId, Guid OtherConnectionId,
        string OtherTeamName, IReadOnlyList<string> DepositAddresses)
    {
        public static async Task<World> BuildAsync(Portal portal, CancellationToken cancellationToken)
        {
            var sandbox = portal.Services.GetRequiredService<SandboxExchange>();
            var demo = sandbox.Options.Demo;
            sandbox.Deposit(demo.Email, "usdt", 54_321.98m);
            sandbox.Deposit(demo.Email, "btc", 0.31415m);
            var exchange = portal.Services.GetRequiredService<PortalExchangeEndpoint>().BaseUrl;
            var client = portal.Services.GetRequiredService<IAllexClientFactory>().ForApiKey(exchange, new ApiKeyCredentials(demo.ApiKey, demo.ApiSecret));
            await client.Trading.CreateOrderAsync(new CreateOrderRequest { Symbol = "btc-usdt", Side = OrderSide.Buy, Size = 1.2345m, Type = OrderType.Limit, Price = 23_456.7m }, cancellationToken);
            await client.Trading.CreateOrderAsync(new CreateOrderRequest { Symbol = "sol-usdt", Side = OrderSide.Buy, Size = 123.45m, Type = OrderType.Limit, Price = 23.456m }, cancellationToken);
            await client.Trading.CreateOrderAsync(new CreateOrderRequest { Symbol = "xrp-usdt", Side = OrderSide.Buy, Size = 12_345m, Type = OrderType.Market }, cancellationToken);
            var profile = await client.User.GetProfileAsync(cancellationToken);

            var keyholder = await PersonAsync(portal, "keyholder", cancellationToken);
            var viewer = await PersonAsync(portal, "viewer-without-amounts", cancellationToken);
            var viewerWithAmounts = await PersonAsync(portal, "viewer", cancellationToken);
            var stranger = await PersonAsync(portal, "other-owner", cancellationToken);
            await using var scope = portal.Services.CreateAsyncScope();
            var teams = scope.ServiceProvider.GetRequiredService<WorkspaceService>();
            var team = (await teams.CreateTeamAsync(keyholder.Id, "Strategy club", cancellationToken)).Id!.Value;
            var otherName = $"{OtherTeamPrefix} {Guid.NewGuid():N}";
            var other = (await teams.CreateTeamAsync(stranger.Id, otherName, cancellationToken)).Id!.Value;
            var connection = await ConnectionAsync(portal, keyholder.Id, team, "Club account", cancellationToken);
            var otherConnection = await ConnectionAsync(portal, stranger.Id, other, OtherConnectionLabel, cancellationToken);
            await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(cancellationToken))
            {
                foreach (var (member, role) in new[] { (viewer, WorkspaceRole.ViewerWithoutAmounts), (viewerWithAmounts, WorkspaceRole.Viewer) })
                {
                    db.WorkspaceMembers.Add(new WorkspaceMember
                    {
                        WorkspaceId = team,
                        UserId = member.Id,
                        Role = role,
                        JoinedAt = DateTimeOffset.UtcNow,
                        GrantedByUserId = keyholder.Id,
                    });
                }

                await db.SaveChangesAsync(cancellationToken);
                await db.Users.Where(u => u.Id == viewer.Id || u.Id == viewerWithAmounts.Id)
                    .ExecuteUpdateAsync(set => set.SetProperty(u => u.LastWorkspaceId, team), cancellationToken);
            }

            var synced = await portal.Services.GetRequiredService<LedgerSyncCoordinator>().SyncNowAsync(keyholder.Id, connection, cancellationToken);
            Assert.True(synced.Succeeded, "The ledger sync of the team's connection failed.");
            return new World(keyholder, viewer, viewerWithAmounts, team, connection, other, otherConnection, otherName, [.. profile.Wallet.Select(w => w.Address)]);
        }

        private static async Task<Guid> ConnectionAsync(Portal portal, string ownerId, Guid workspaceId, string label, CancellationToken cancellationToken)
        {
            var demo = portal.Services.GetRequiredService<SandboxExchange>().Options.Demo;
            var connection = new ExchangeConnection
            {
                Id = Guid.NewGuid(),
                OwnerId = ownerId,
                WorkspaceId = workspaceId,
                Label = label,
                BaseUrl = "/sandbox",
                IsDemo = true,
                ApiKeyHint = "",
                ProtectedApiKey = "",
                ProtectedApiSecret = "",
                CanRead = true,
                CanTrade = true,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            portal.Services.GetRequiredService<CredentialVault>().Seal(connection, new ApiKeyCredentials(demo.ApiKey, demo.ApiSecret));
            await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(cancellationToken);
            db.Connections.Add(connection);
            await db.SaveChangesAsync(cancellationToken);
            return connection.Id;
        }

        private static async Task<PortalUser> PersonAsync(Portal portal, string name, CancellationToken cancellationToken)
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var email = $"{name}-{Guid.NewGuid():N}@example.com";
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true };
            var created = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().CreateAsync(user, PortalSession.Password);
            cancellationToken.ThrowIfCancellationRequested();
            return created.Succeeded ? user : throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }
    }
}

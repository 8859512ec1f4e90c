using System.Net;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Demo;
using AllexPortal.Web.Tests.Connections;
using AllexPortal.Web.Tests.Infrastructure;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Demo;

/// <summary>In demo mode the login page offers "Try the demo", which signs into a seeded account whose
/// connection reaches the embedded sandbox.</summary>
public sealed class DemoSignInTests(SandboxPortal portal) : IClassFixture<SandboxPortal>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Try_the_demo_signs_in_and_redirects_to_the_dashboard()
    {
        using var client = portal.CreateListeningClient();

        using var response = await TryTheDemoAsync(client);
        using var dashboard = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", PortalClient.RedirectPath(response));
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Fact]
    public async Task The_demo_account_has_a_read_and_trade_connection_to_the_sandbox_demo_user()
    {
        var demoId = await portal.UserIdOfAsync(DemoAccount.Email);
        await using var scope = portal.Services.CreateAsyncScope();
        var service = portal.Connections(scope);

        var connection = Assert.Single(await service.ListAsync(demoId, Token));
        var balances = await (await service.OpenClientAsync(demoId, connection.Id, Token)).User.GetBalanceAsync(Token);

        Assert.Equal((DemoAccount.ConnectionLabel, true, true, true, false), (connection.Label, connection.IsDemo, connection.CanRead, connection.CanTrade, connection.CanWithdraw));
        Assert.Equal(portal.ExchangeUrl, connection.BaseUrl);
        Assert.Equal(portal.Sandbox.BalancesOf(portal.Sandbox.Options.Demo.Email).Single(b => b.Coin == "usdt").Balance, balances["usdt"].Total);
    }

    [Fact]
    public async Task The_demo_connections_permissions_are_what_the_probe_detects()
    {
        var demoId = await portal.UserIdOfAsync(DemoAccount.Email);
        await using var scope = portal.Services.CreateAsyncScope();
        var service = portal.Connections(scope);
        var connection = Assert.Single(await service.ListAsync(demoId, Token));

        var detected = await service.CheckAsync(portal.ExchangeUrl.AbsoluteUri, portal.DemoKey.ApiKey, portal.DemoKey.ApiSecret, Token);

        Assert.Equal(new KeyPermissions(connection.CanRead, connection.CanTrade, connection.CanWithdraw), detected);
    }

    [Fact]
    public async Task The_connections_page_lists_the_demo_connection_with_only_the_masked_key()
    {
        using var client = portal.CreateListeningClient();
        using (await TryTheDemoAsync(client))
        {
        }

        using var page = await client.GetAsync("/connections");
        var html = await page.Content.ReadAsStringAsync(Token);
        var document = await new HtmlParser().ParseDocumentAsync(html, Token);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(DemoAccount.ConnectionLabel, document.QuerySelector("[data-testid=connection-label]")?.TextContent);
        Assert.Equal("…" + portal.DemoKey.ApiKey[^4..], document.QuerySelector("[data-testid=connection-key]")?.TextContent);
        Assert.DoesNotContain(portal.DemoKey.ApiKey, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(portal.DemoKey.ApiSecret, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_shared_demo_account_cannot_add_or_change_connections()
    {
        var demoId = await portal.UserIdOfAsync(DemoAccount.Email);
        await using var scope = portal.Services.CreateAsyncScope();
        var service = portal.Connections(scope);
        var connection = Assert.Single(await service.ListAsync(demoId, Token));
        var key = portal.DemoKey;

        var refusals = new[]
        {
            await Record.ExceptionAsync(() => service.AddAsync(demoId, "Mine", portal.ExchangeUrl.AbsoluteUri, key.ApiKey, key.ApiSecret, cancellationToken: Token)),
            await Record.ExceptionAsync(() => service.RotateAsync(demoId, connection.Id, key.ApiKey, key.ApiSecret, cancellationToken: Token)),
            await Record.ExceptionAsync(() => service.RenameAsync(demoId, connection.Id, "Renamed", Token)),
            await Record.ExceptionAsync(() => service.DeleteAsync(demoId, connection.Id, Token)),
        };

        Assert.All(refusals, refusal => Assert.IsType<ConnectionRefusedException>(refusal));
        Assert.Equal([connection], await service.ListAsync(demoId, Token));
    }

    [Fact]
    public async Task Try_the_demo_without_an_antiforgery_token_is_refused()
    {
        using var client = portal.CreateListeningClient();
        using var empty = new FormUrlEncodedContent([]);

        using var response = await client.Http.PostAsync(new Uri(DemoAccount.SignInPath, UriKind.Relative), empty, Token);
        using var dashboard = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
    }

    /// <summary>Posts the login page's demo form as a browser would (with its antiforgery token).</summary>
    internal static async Task<HttpResponseMessage> TryTheDemoAsync(PortalClient client)
    {
        using var login = await client.GetAsync("/Account/Login");
        var document = await new HtmlParser().ParseDocumentAsync(await login.Content.ReadAsStringAsync(Token), Token);
        var form = document.QuerySelector("form[data-testid=demo-form]") as IHtmlFormElement
            ?? throw new InvalidOperationException("The login page has no \"Try the demo\" form.");
        var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .ToDictionary(input => input.Name!, input => input.Value);
        using var content = new FormUrlEncodedContent(fields);
        return await client.Http.PostAsync(new Uri("/" + form.GetAttribute("action")!.TrimStart('/'), UriKind.Relative), content, Token);
    }
}

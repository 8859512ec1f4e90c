using System.Net;
using System.Text.Json;
using AllexPortal.Exchange;
using AllexPortal.Exchange.Security;
using AllexPortal.Sandbox;
using AllexPortal.Web.Exchange;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Exchange;

/// <summary>With no exchange configured the portal runs in demo mode: the sandbox answers under
/// <c>/sandbox/v2</c> of the portal's own address, outside the portal's sign-in, and the portal's exchange
/// client reaches it over real HTTP.</summary>
public sealed class DemoExchangeTests : IClassFixture<ListeningPortal>
{
    private readonly ListeningPortal portal;

    public DemoExchangeTests(ListeningPortal portal) => this.portal = portal;

    [Fact]
    public async Task Sandbox_answers_under_its_prefix_without_a_portal_sign_in()
    {
        using var http = new HttpClient { BaseAddress = portal.Address };

        using var response = await http.GetAsync(new Uri("/sandbox/v2/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("2.17.4", body.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Portal_client_reads_the_demo_balance_from_the_embedded_sandbox_over_http()
    {
        var endpoint = portal.Services.GetRequiredService<PortalExchangeEndpoint>();
        var sandbox = portal.Services.GetRequiredService<SandboxExchange>();
        var demo = sandbox.Options.Demo;
        var client = portal.Services.GetRequiredService<IAllexClientFactory>()
            .ForApiKey(endpoint.BaseUrl, new ApiKeyCredentials(demo.ApiKey, demo.ApiSecret));

        var balances = await client.User.GetBalanceAsync(TestContext.Current.CancellationToken);

        Assert.Equal("/sandbox/", endpoint.BaseUrl.AbsolutePath);
        var truth = sandbox.BalancesOf(demo.Email);
        Assert.NotEmpty(truth);
        foreach (var coin in truth)
        {
            Assert.Equal(coin.Available, balances[coin.Coin].Available);
            Assert.Equal(coin.Balance, balances[coin.Coin].Total);
        }
    }
}

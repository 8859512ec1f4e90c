using System.Net;
using AllexPortal.Exchange.Configuration;
using AllexPortal.Sandbox;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Tests.Exchange;

/// <summary>Once a real exchange is configured, the demo sandbox is neither registered nor mounted.</summary>
public sealed class ConfiguredExchangeTests : IClassFixture<ConfiguredExchangeTests.RealExchangePortal>
{
    private readonly RealExchangePortal portal;

    public ConfiguredExchangeTests(RealExchangePortal portal) => this.portal = portal;

    [Fact]
    public async Task Sandbox_is_not_served_when_an_exchange_is_configured()
    {
        using var client = portal.CreatePortalClient();

        using var response = await client.Http.GetAsync(new Uri("/sandbox/v2/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(portal.Services.GetService<SandboxExchange>());
    }

    [Fact]
    public void The_exchange_section_tunes_the_clients_limits()
    {
        var options = portal.Services.GetRequiredService<IOptions<AllexClientOptions>>().Value;

        Assert.Equal(new Uri("https://api.allex.online"), options.BaseUrl);
        Assert.Equal(9, options.RequestsPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(5), options.AttemptTimeout);
    }

    public sealed class RealExchangePortal : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Exchange:BaseUrl"] = "https://api.allex.online",
            ["Exchange:RequestsPerSecond"] = "9",
            ["Exchange:AttemptTimeout"] = "00:00:05",
        };
    }
}

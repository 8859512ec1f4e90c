using System.Net;
using AllexPortal.Web.Tests.Infrastructure;

namespace AllexPortal.Web.Tests.Health;

public sealed class HealthEndpointTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Liveness_answers_ok_without_signing_in()
    {
        using var client = portal.CreatePortalClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readiness_answers_ok_when_the_database_is_reachable()
    {
        using var client = portal.CreatePortalClient();

        using var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"status\":\"Healthy\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}

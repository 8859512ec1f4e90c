using System.Net;
using AllexPortal.Web.Tests.Infrastructure;

namespace AllexPortal.Web.Tests.Health;

public sealed class UnreachableDatabaseTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Readiness_fails_while_liveness_holds_when_the_database_is_unreachable()
    {
        using var client = portal.CreatePortalClient();
        using (var started = await client.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        }

        portal.Database.MakeUnreachable();

        using var readiness = await client.GetAsync("/readyz");
        using var liveness = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readiness.StatusCode);
        Assert.Equal(HttpStatusCode.OK, liveness.StatusCode);
    }
}

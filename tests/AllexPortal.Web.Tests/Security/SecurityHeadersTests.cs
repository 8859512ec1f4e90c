using AllexPortal.Web.Tests.Infrastructure;

namespace AllexPortal.Web.Tests.Security;

public sealed class SecurityHeadersTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Pages_forbid_framing_and_foreign_scripts()
    {
        using var client = portal.CreatePortalClient();

        using var response = await client.GetAsync("/Account/Login");

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("img-src 'self' data:", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Account_pages_are_never_cached()
    {
        using var client = portal.CreatePortalClient();

        using var response = await client.GetAsync("/Account/Login");

        Assert.True(response.Headers.CacheControl?.NoStore, "Account pages must carry Cache-Control: no-store.");
    }
}

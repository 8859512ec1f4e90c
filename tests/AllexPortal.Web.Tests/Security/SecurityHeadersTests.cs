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

    [Theory]
    [InlineData("/")]
    [InlineData("/history/trades")]
    [InlineData("/settings")]
    public async Task Signed_in_pages_are_never_cached(string path)
    {
        using var client = await SignedInAsync();

        using var response = await client.GetAsync(path);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path} must carry Cache-Control: no-store.");
    }

    [Fact]
    public async Task Static_assets_keep_their_own_caching()
    {
        using var client = portal.CreatePortalClient();

        using var response = await client.GetAsync("/app.css");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Signing_out_tells_the_browser_to_clear_what_the_session_left()
    {
        using var client = await SignedInAsync();

        using var response = await client.SignOutAsync();

        Assert.Equal("\"cache\", \"cookies\", \"storage\"", string.Join(",", response.Headers.GetValues("Clear-Site-Data")));
    }

    [Fact]
    public async Task No_response_names_the_server_software()
    {
        await using var server = new ListeningPortal();
        await server.InitializeAsync();
        using var client = new HttpClient { BaseAddress = server.Address };

        using var response = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.False(response.Headers.Contains("Server"), string.Join(",", response.Headers.Server));
    }

    private async Task<PortalClient> SignedInAsync()
    {
        var email = $"headers-{Guid.NewGuid():N}@example.com";
        await portal.RegisterUserAsync(email);
        var client = portal.CreatePortalClient();
        using var signedIn = await client.SignInAsync(email);
        return client;
    }
}

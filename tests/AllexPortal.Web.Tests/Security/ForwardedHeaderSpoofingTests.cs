using System.Net;
using AllexPortal.Web.Tests.Infrastructure;

namespace AllexPortal.Web.Tests.Security;

/// <summary>
/// <c>X-Forwarded-For</c>/<c>-Proto</c> are honoured only from configured proxies: with none
/// configured, not even loopback. Over real loopback HTTP (the client address is 127.0.0.1); the sign-in page clears
/// Identity's external cookie, marked <c>secure</c> exactly when the portal believes the browser used HTTPS.
/// </summary>
public sealed class ForwardedHeaderSpoofingTests
{
    [Fact]
    public async Task Sign_in_limit_counts_a_loopback_client_once_whatever_X_Forwarded_For_it_sends()
    {
        await using var portal = new ProxiedPortal(new Dictionary<string, string?>
        {
            ["Security:SignInRateLimit:PermitLimit"] = "3",
        });
        await portal.InitializeAsync();
        using var client = portal.CreateListeningClient();
        var statuses = new List<HttpStatusCode>();

        for (var attempt = 0; attempt < 4; attempt++)
        {
            client.Http.DefaultRequestHeaders.Remove("X-Forwarded-For");
            client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{attempt + 1}");
            using var response = await client.SignInAsync($"nobody{attempt}@example.com", "Wrong-Password-1");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task With_no_proxy_configured_a_loopback_sender_cannot_claim_https()
    {
        await using var portal = new ProxiedPortal(new Dictionary<string, string?>());
        await portal.InitializeAsync();

        var cookies = await SignInPageCookiesAsync(portal);

        Assert.DoesNotContain("; secure", cookies, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_outside_the_configured_proxies_are_ignored()
    {
        await using var portal = new ProxiedPortal(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/8",
        });
        await portal.InitializeAsync();

        var cookies = await SignInPageCookiesAsync(portal);

        Assert.DoesNotContain("; secure", cookies, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_configured_proxy_address_is_trusted()
    {
        await using var portal = new ProxiedPortal(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        });
        await portal.InitializeAsync();

        var cookies = await SignInPageCookiesAsync(portal);

        Assert.Contains("; secure", cookies, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_configured_proxy_network_is_trusted()
    {
        await using var portal = new ProxiedPortal(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownNetworks:0"] = "127.0.0.0/8",
        });
        await portal.InitializeAsync();

        var cookies = await SignInPageCookiesAsync(portal);

        Assert.Contains("; secure", cookies, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> SignInPageCookiesAsync(ListeningPortal portal)
    {
        using var client = portal.CreateListeningClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var response = await client.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("Identity.External=", StringComparison.Ordinal));
        return string.Join('\n', cookies.Where(c => c.StartsWith("Identity.External=", StringComparison.Ordinal)));
    }

    private sealed class ProxiedPortal(IReadOnlyDictionary<string, string?> settings) : ListeningPortal
    {
        protected override IReadOnlyDictionary<string, string?> Settings => settings;
    }
}

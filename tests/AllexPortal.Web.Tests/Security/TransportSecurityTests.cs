using System.Net;
using AllexPortal.Web.Tests.Infrastructure;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AllexPortal.Web.Tests.Security;

/// <summary>
/// Transport: the content security policy lets pages connect to the portal only; outside Development every cookie is
/// <c>Secure</c>, HTTPS responses carry HSTS, and a portal that serves HTTPS itself redirects plain HTTP to it.
/// </summary>
public sealed class TransportSecurityTests(TransportSecurityTests.ProductionPortal production)
    : IClassFixture<TransportSecurityTests.ProductionPortal>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_may_connect_to_the_portal_s_own_origin_only()
    {
        using var development = new PortalFactory();
        using var client = development.CreatePortalClient();

        using var response = await client.GetAsync("/Account/Login");

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var connectSrc = policy.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("connect-src ", StringComparison.Ordinal));
        Assert.Equal("connect-src 'self'", connectSrc);
    }

    [Fact]
    public async Task Https_responses_carry_hsts_outside_development()
    {
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://portal.example/"),
            AllowAutoRedirect = false,
        });

        using var response = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.Equal("max-age=31536000; includeSubDomains", hsts);
    }

    [Fact]
    public async Task Plain_http_responses_carry_no_hsts_and_are_not_redirected_when_the_portal_serves_no_https()
    {
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_portal_serving_https_redirects_plain_http_to_it()
    {
        using var portal = new HttpsProductionPortal();
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/Account/Login?x=1", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(new Uri("https://localhost:5443/Account/Login?x=1"), response.Headers.Location);
    }

    [Fact]
    public async Task Every_cookie_is_secure_outside_development_even_over_plain_http()
    {
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        using var page = await client.GetAsync(new Uri("/Account/Register", UriKind.Relative), Token);
        var pageCookies = page.Headers.GetValues("Set-Cookie").ToList();
        var document = await new HtmlParser().ParseDocumentAsync(await page.Content.ReadAsStringAsync(Token), Token);
        var form = document.Forms.First(f => f.QuerySelector("input[name=_handler][value='register']") is not null);
        var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .ToDictionary(input => input.Name!, input => input.Value);
        fields["Input.Email"] = $"secure-{Guid.NewGuid():N}@example.com";
        fields["Input.Password"] = PortalClient.StrongPassword;
        fields["Input.ConfirmPassword"] = PortalClient.StrongPassword;
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/Account/Register", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(fields),
        };
        post.Headers.Add("Cookie", string.Join("; ", pageCookies.Select(c => c.Split(';')[0])));
        using var registered = await client.SendAsync(post, Token);
        var cookies = pageCookies.Concat(registered.Headers.GetValues("Set-Cookie")).ToList();

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("AllexPortal.Session=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The portal in Production (demo mode, in memory).</summary>
    public class ProductionPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    /// <summary>The same, told that it serves HTTPS on port 5443.</summary>
    private sealed class HttpsProductionPortal : ProductionPortal
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["HTTPS_PORT"] = "5443" };
    }
}

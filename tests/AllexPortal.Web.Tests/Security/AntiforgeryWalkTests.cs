using System.Net;
using System.Reflection;
using AllexPortal.Sandbox;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Security;

/// <summary>
/// Cross-site request forgery: every endpoint of the running portal that accepts a state-changing method is posted
/// to as a cross-site form would be — with the signed-in user's cookies but without the antiforgery token of a portal
/// page — and must refuse with 400 (or 405 where routing finds no endpoint for the method, so nothing runs). The
/// endpoints come from the portal's own <see cref="EndpointDataSource"/>, so a new endpoint is walked without touching
/// this test; the few exempt ones are listed below with the reason. The embedded sandbox exchange's API is exempt as a
/// whole: it is an exchange emulator authenticated by HMAC signature or bearer token, never by a cookie.
/// </summary>
public sealed class AntiforgeryWalkTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>Endpoints that are not forms: each is named with why a forged cross-site post cannot harm.</summary>
    private static readonly Dictionary<string, string> Exempt = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/_blazor"] = "SignalR hub of Blazor circuits: a circuit starts only from component markers the portal rendered and protected",
        ["/_blazor/negotiate"] = "SignalR negotiation: hands out a connection id, changes nothing",
        ["/_blazor/disconnect"] = "closes a circuit whose secret id only the page that owns it knows",
        ["/_blazor/initializers"] = "lists the JavaScript initializers of the app, read-only",
        ["/healthz"] = "read-only health check",
        ["/readyz"] = "read-only readiness check",
    };

    private static readonly string[] StateChangingMethods = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    [Fact]
    public async Task Every_state_changing_endpoint_refuses_a_cross_site_post_without_a_token()
    {
        using var client = await SignedInClientAsync();
        var walked = new List<string>();
        var accepted = new List<string>();

        foreach (var (method, path) in StateChangingRequests())
        {
            using var request = CrossSiteRequest(method, path);
            using var response = await client.Http.SendAsync(request, TestContext.Current.CancellationToken);
            walked.Add($"{method} {path}");
            if (response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.MethodNotAllowed))
            {
                accepted.Add($"{method} {path} answered {(int)response.StatusCode}");
            }
        }

        Assert.Contains("POST /Account/Logout", walked);
        Assert.Contains("POST /Account/Manage/DownloadPersonalData", walked);
        Assert.Contains("POST /Account/Login", walked);
        Assert.True(accepted.Count == 0, "Accepted without a token:\n" + string.Join('\n', accepted) + "\nWalked:\n" + string.Join('\n', walked));
    }

    [Fact]
    public async Task A_forged_sign_out_leaves_the_session_signed_in()
    {
        using var client = await SignedInClientAsync();

        using var forged = await client.Http.SendAsync(CrossSiteRequest(HttpMethods.Post, "/Account/Logout"), TestContext.Current.CancellationToken);
        using var dashboard = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Fact]
    public async Task A_forged_personal_data_download_returns_no_personal_data()
    {
        using var client = await SignedInClientAsync();

        using var forged = await client.Http.SendAsync(
            CrossSiteRequest(HttpMethods.Post, "/Account/Manage/DownloadPersonalData"), TestContext.Current.CancellationToken);
        var body = await forged.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain("@example.com", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_and_personal_data_still_work_from_the_portal_s_own_forms()
    {
        using var client = await SignedInClientAsync();

        using var page = await client.GetAsync("/Account/Manage/PersonalData");
        var document = await new HtmlParser().ParseDocumentAsync(
            await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        var token = (document.QuerySelector("form[action='Account/Manage/DownloadPersonalData'] input[name=__RequestVerificationToken]")
            as IHtmlInputElement)?.Value ?? throw new InvalidOperationException("No download form with a token.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var download = await client.Http.PostAsync(
            new Uri("/Account/Manage/DownloadPersonalData", UriKind.Relative), form, TestContext.Current.CancellationToken);
        using var signedOut = await client.SignOutAsync();
        using var dashboard = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/Account/Login", PortalClient.RedirectPath(signedOut));
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
    }

    private async Task<PortalClient> SignedInClientAsync()
    {
        var email = $"walker-{Guid.NewGuid():N}@example.com";
        await portal.RegisterUserAsync(email);
        var client = portal.CreatePortalClient();
        using var signedIn = await client.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var page = await client.GetAsync("/Account/Manage"); // the browser has the antiforgery cookie, as a victim would
        return client;
    }

    /// <summary>A form post as another site's page would send it: the browser's cookies, no token, a foreign origin.</summary>
    private static HttpRequestMessage CrossSiteRequest(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "forged" }),
        };
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Referrer = new Uri("https://evil.example/page");
        return request;
    }

    private IEnumerable<(string Method, string Path)> StateChangingRequests()
    {
        var sandbox = typeof(SandboxExchange).Assembly;
        var endpoints = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<MethodInfo>()?.DeclaringType?.Assembly != sandbox);
        return endpoints
            .SelectMany(endpoint =>
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
                var path = SamplePath(endpoint.RoutePattern);
                return StateChangingMethods
                    .Where(method => methods is null || methods.Contains(method, StringComparer.OrdinalIgnoreCase))
                    .Select(method => (method, path));
            })
            .Where(request => !Exempt.ContainsKey(request.path))
            .Distinct()
            .OrderBy(request => request.path, StringComparer.Ordinal);
    }

    /// <summary>The route with each parameter filled in with a value its constraints accept.</summary>
    private static string SamplePath(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => SampleValue(parameter),
            _ => "",
        })));
        return "/" + string.Join('/', segments.Where(segment => segment.Length > 0));
    }

    private static string SampleValue(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(policy => policy.Content ?? "").ToList();
        if (constraints.Contains("guid"))
        {
            return Guid.NewGuid().ToString();
        }

        return constraints.Any(c => c is "int" or "long") ? "1" : "sample";
    }
}

using System.Net;
using AllexPortal.Web.Tests.Infrastructure;

namespace AllexPortal.Web.Tests.Security;

/// <summary>
/// ASVS 5.0 4.4.2: the Blazor circuit's hub (negotiate and the WebSocket behind it) answers only pages of the portal's
/// own origin, so another site cannot open a circuit with the visitor's cookies (cross-site WebSocket hijacking).
/// </summary>
public sealed class CircuitOriginTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://localhost.evil.example")]
    [InlineData("http://localhost:8080")] // another port is another origin
    [InlineData("https://localhost")] // another scheme too
    [InlineData("null")] // a sandboxed frame or a file
    [InlineData("http://localhost, https://evil.example")]
    public async Task A_circuit_asked_for_by_a_page_of_another_origin_is_refused(string origin)
    {
        using var response = await NegotiateAsync(origin);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("http://localhost")]
    [InlineData("HTTP://LOCALHOST")]
    public async Task The_portals_own_pages_open_circuits(string origin)
    {
        using var response = await NegotiateAsync(origin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_request_without_an_origin_is_left_to_the_hub()
    {
        using var response = await NegotiateAsync(origin: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpResponseMessage> NegotiateAsync(string? origin)
    {
        using var client = portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }

        return await client.SendAsync(request, Ct);
    }
}

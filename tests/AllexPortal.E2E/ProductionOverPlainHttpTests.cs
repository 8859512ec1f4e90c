using AllexPortal.E2E.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace AllexPortal.E2E;

/// <summary>
/// The portal in Production over plain <c>http://127.0.0.1</c>, as the Docker demo runs: every cookie is
/// <c>Secure</c> there, which Chromium accepts from a loopback origin, so a person can still register, use the
/// interactive pages (Blazor's WebSocket under <c>connect-src 'self'</c>) and sign out.
/// </summary>
public sealed class ProductionOverPlainHttpTests(ProductionOverPlainHttpTests.ProductionServer portal, Chromium chromium)
    : IClassFixture<ProductionOverPlainHttpTests.ProductionServer>, IClassFixture<Chromium>
{
    [Fact]
    public async Task Secure_cookies_still_sign_in_interact_and_sign_out_on_loopback_http()
    {
        await using var session = await PortalSession.OpenAsync(chromium.Browser, portal.BaseUrl);

        await session.RegisterAsync("prod@example.com");
        await session.WaitUntilInteractiveAsync();
        await session.ToggleThemeAsync();
        var cookies = await session.Page.Context.CookiesAsync();
        await session.SignOutAsync();

        Assert.StartsWith("http://127.0.0.1:", portal.BaseUrl, StringComparison.Ordinal);
        Assert.Contains(cookies, c => c.Name == "AllexPortal.Session");
        Assert.All(cookies, c => Assert.True(c.Secure, $"{c.Name} should be Secure outside Development."));
        Assert.Equal("/Account/Login", session.Path);
        Assert.Empty(session.ConsoleErrors);
    }

    /// <summary>The portal with the Production environment (demo mode).</summary>
    public sealed class ProductionServer : PortalServer
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            // A published portal has its static files in wwwroot; a test build serves them from the build's manifest,
            // which ASP.NET Core reads by itself only in Development.
            builder.UseStaticWebAssets();
        }
    }
}

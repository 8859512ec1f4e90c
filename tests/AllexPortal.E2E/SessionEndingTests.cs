using AllexPortal.E2E.Infrastructure;
using Microsoft.Playwright;

namespace AllexPortal.E2E;

/// <summary>
/// An open, interactive page notices account changes made elsewhere. The portal here re-checks every
/// two seconds (30 s by default) so the test stays short.
/// </summary>
public sealed class SessionEndingTests(SessionEndingTests.FastRevalidationServer portal, Chromium chromium)
    : IClassFixture<SessionEndingTests.FastRevalidationServer>, IClassFixture<Chromium>
{
    [Fact]
    public async Task Signing_out_in_another_browser_sends_an_open_page_to_sign_in()
    {
        const string email = "ida@example.com";
        await using var open = await PortalSession.OpenAsync(chromium.Browser, portal.BaseUrl);
        await open.RegisterAsync(email);
        await open.WaitUntilInteractiveAsync();
        await using var other = await PortalSession.OpenAsync(chromium.Browser, portal.BaseUrl);
        await other.SubmitSignInAsync(email);

        await other.SignOutAsync();

        await open.Page.WaitForURLAsync("**/Account/Login**", new PageWaitForURLOptions { Timeout = 15_000 });
        Assert.Equal("/Account/Login", open.Path);
    }

    /// <summary>A portal whose open circuits re-check the user every two seconds.</summary>
    public sealed class FastRevalidationServer : PortalServer
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Security:Sessions:RevalidationInterval"] = "00:00:02",
        };
    }
}

using System.Net;
using AllexPortal.Web.Tests.Infrastructure;

namespace AllexPortal.Web.Tests.Security;

/// <summary>
/// Open redirects: after sign-in or registration the portal follows <c>ReturnUrl</c> only within itself. Anything a
/// browser could read as another site — absolute URLs, scheme-relative and backslash forms, scripts, the same
/// encoded or with a tab — lands on the home page with no error.
/// </summary>
public sealed class OpenRedirectTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>Query strings as they arrive, already percent-encoded where the attacker encoded them.</summary>
    public static TheoryData<string> ForeignReturnUrls =>
    [
        Uri.EscapeDataString("//evil.example"),
        Uri.EscapeDataString("https://evil.example"),
        Uri.EscapeDataString("https://evil.example/Account/Login"),
        Uri.EscapeDataString("http://localhost.evil.example/"),
        Uri.EscapeDataString("https:evil.example"),
        Uri.EscapeDataString(@"/\evil.example"),
        Uri.EscapeDataString(@"\\evil.example"),
        Uri.EscapeDataString("javascript:alert(1)"),
        Uri.EscapeDataString("JavaScript:alert(document.cookie)"),
        Uri.EscapeDataString("data:text/html,<script>alert(1)</script>"),
        Uri.EscapeDataString(" //evil.example"),
        "%2F%09%2Fevil.example",
        "%2F%2F%65vil.example",
        "//evil.example",
        "https://evil.example",
    ];

    [Theory]
    [MemberData(nameof(ForeignReturnUrls))]
    public async Task Sign_in_with_a_foreign_return_url_lands_on_the_home_page(string returnUrl)
    {
        var email = await NewUserAsync();
        using var client = portal.CreatePortalClient();

        using var response = await client.SubmitFormAsync($"/Account/Login?ReturnUrl={returnUrl}", "login",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = PortalClient.StrongPassword });

        AssertLandsOnPortal(response, "/");
    }

    [Theory]
    [MemberData(nameof(ForeignReturnUrls))]
    public async Task Registration_with_a_foreign_return_url_lands_on_the_home_page(string returnUrl)
    {
        using var client = portal.CreatePortalClient();

        using var response = await client.SubmitFormAsync($"/Account/Register?ReturnUrl={returnUrl}", "register",
            new Dictionary<string, string>
            {
                ["Input.Email"] = $"reg-{Guid.NewGuid():N}@example.com",
                ["Input.Password"] = PortalClient.StrongPassword,
                ["Input.ConfirmPassword"] = PortalClient.StrongPassword,
            });

        AssertLandsOnPortal(response, "/");
    }

    [Theory]
    [InlineData("%2Fteams", "/teams")]
    [InlineData("%2Fhistory%3Fkind%3Dtrades", "/history")]
    [InlineData("http%3A%2F%2Flocalhost%2Fteams", "/teams")]
    [InlineData("teams", "/teams")]
    public async Task Sign_in_with_a_return_url_of_the_portal_goes_there(string returnUrl, string expectedPath)
    {
        var email = await NewUserAsync();
        using var client = portal.CreatePortalClient();

        using var response = await client.SubmitFormAsync($"/Account/Login?ReturnUrl={returnUrl}", "login",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = PortalClient.StrongPassword });

        AssertLandsOnPortal(response, expectedPath);
    }

    private static void AssertLandsOnPortal(HttpResponseMessage response, string expectedPath)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.DoesNotContain("evil", location.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(":", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
        if (location.IsAbsoluteUri)
        {
            Assert.Equal("localhost", location.Host);
        }

        Assert.Equal(expectedPath, PortalClient.RedirectPath(response));
    }

    private async Task<string> NewUserAsync()
    {
        var email = $"return-{Guid.NewGuid():N}@example.com";
        await portal.RegisterUserAsync(email);
        return email;
    }
}

using System.Net;
using AllexPortal.Web.Tests.Infrastructure;

namespace AllexPortal.Web.Tests.Security;

public sealed class SignInRateLimitTests(SignInRateLimitTests.ThreeAttemptsPortal portal)
    : IClassFixture<SignInRateLimitTests.ThreeAttemptsPortal>
{
    [Fact]
    public async Task Sign_in_posts_beyond_the_limit_are_refused_with_429()
    {
        using var client = portal.CreatePortalClient();
        var statuses = new List<HttpStatusCode>();

        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var response = await client.SignInAsync($"nobody{attempt}@example.com", "Wrong-Password-1");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Viewing_the_sign_in_page_does_not_count_towards_the_limit()
    {
        using var client = portal.CreatePortalClient();

        for (var view = 0; view < 5; view++)
        {
            using var page = await client.GetAsync("/Account/Login");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Fact]
    public async Task Password_reset_requests_beyond_the_limit_are_refused_with_429_and_send_nothing_more()
    {
        using var client = portal.CreatePortalClient();
        var statuses = new List<HttpStatusCode>();

        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var response = await client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password",
                new Dictionary<string, string> { ["Input.Email"] = $"flooded{attempt}@example.com" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Registrations_beyond_the_limit_are_refused_with_429_and_create_no_account()
    {
        using var client = portal.CreatePortalClient();
        var statuses = new List<HttpStatusCode>();

        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var response = await client.RegisterAsync($"mass-{attempt}-{Guid.NewGuid():N}@example.com");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }

    /// <summary>A portal allowing three sign-in posts a minute per address.</summary>
    public sealed class ThreeAttemptsPortal : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Security:SignInRateLimit:PermitLimit"] = "3",
        };
    }
}

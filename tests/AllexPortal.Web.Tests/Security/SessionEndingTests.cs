using System.Net;
using AllexPortal.Web.Data;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Security;

/// <summary>
/// Sessions re-check the user's security stamp every second here (30 s in production), so a change
/// made in one session ends the others on their next request.
/// </summary>
public sealed class SessionEndingTests(SessionEndingTests.FastRevalidationPortal portal)
    : IClassFixture<SessionEndingTests.FastRevalidationPortal>
{
    [Fact]
    public async Task Signing_out_in_one_browser_ends_the_session_in_another()
    {
        var (first, second) = await SignInTwiceAsync("linus@example.com");
        using (first)
        using (second)
        {
            using var signedOut = await second.SignOutAsync();
            await WaitPastRevalidationAsync();

            using var response = await first.GetAsync("/settings");

            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
            Assert.Equal("/Account/Login", PortalClient.RedirectPath(response));
        }
    }

    [Fact]
    public async Task Locking_the_account_ends_its_open_sessions()
    {
        var (first, second) = await SignInTwiceAsync("margaret@example.com");
        using (first)
        using (second)
        {
            await using (var scope = portal.Services.CreateAsyncScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
                var user = await users.FindByEmailAsync("margaret@example.com");
                await users.SetLockoutEndDateAsync(user!, DateTimeOffset.UtcNow.AddHours(1));
            }

            await WaitPastRevalidationAsync();

            using var response = await first.GetAsync("/settings");

            Assert.Equal("/Account/Login", PortalClient.RedirectPath(response));
        }
    }

    [Fact]
    public async Task Five_wrong_passwords_elsewhere_end_the_open_sessions()
    {
        var (first, second) = await SignInTwiceAsync("rosalind@example.com");
        using (first)
        using (second)
        {
            using var attacker = portal.CreatePortalClient();
            for (var attempt = 0; attempt < 5; attempt++)
            {
                using var failed = await attacker.SignInAsync("rosalind@example.com", "Wrong-Password-1");
            }

            await WaitPastRevalidationAsync();

            using var response = await first.GetAsync("/settings");

            Assert.Equal("/Account/Login", PortalClient.RedirectPath(response));
        }
    }

    [Fact]
    public async Task Setting_up_an_authenticator_keeps_this_session_and_ends_the_others()
    {
        var (first, second) = await SignInTwiceAsync("mary@example.com");
        using (first)
        using (second)
        {
            using var setUp = await second.GetAsync("/Account/Manage/EnableAuthenticator");
            await WaitPastRevalidationAsync();

            using var other = await first.GetAsync("/settings");
            using var same = await second.GetAsync("/settings");

            Assert.Equal(HttpStatusCode.OK, setUp.StatusCode);
            Assert.Equal("/Account/Login", PortalClient.RedirectPath(other));
            Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        }
    }

    [Fact]
    public async Task An_unchanged_account_keeps_its_session_past_revalidation()
    {
        var (first, second) = await SignInTwiceAsync("barbara@example.com");
        using (first)
        using (second)
        {
            await WaitPastRevalidationAsync();

            using var response = await first.GetAsync("/settings");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private async Task<(PortalClient First, PortalClient Second)> SignInTwiceAsync(string email)
    {
        await portal.RegisterUserAsync(email);
        var first = portal.CreatePortalClient();
        using var firstSignedIn = await first.SignInAsync(email);
        var second = portal.CreatePortalClient();
        using var signedIn = await second.SignInAsync(email);
        Assert.Equal("/", PortalClient.RedirectPath(signedIn));
        return (first, second);
    }

    private static Task WaitPastRevalidationAsync() =>
        Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);

    /// <summary>A portal whose sessions re-check the security stamp every second.</summary>
    public sealed class FastRevalidationPortal : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Security:Sessions:RevalidationInterval"] = "00:00:01",
        };
    }
}

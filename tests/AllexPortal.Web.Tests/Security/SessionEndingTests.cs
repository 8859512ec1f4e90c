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
        using var response = await RequestFromFirstSessionAfterAsync("linus@example.com", async (_, second) =>
        {
            using var signedOut = await second.SignOutAsync();
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        });

        Assert.Equal("/Account/Login", PortalClient.RedirectPath(response));
    }

    [Fact]
    public async Task Locking_the_account_ends_its_open_sessions()
    {
        using var response = await RequestFromFirstSessionAfterAsync("margaret@example.com", async (email, _) =>
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByEmailAsync(email);
            await users.SetLockoutEndDateAsync(user!, DateTimeOffset.UtcNow.AddHours(1));
        });

        Assert.Equal("/Account/Login", PortalClient.RedirectPath(response));
    }

    [Fact]
    public async Task Five_wrong_passwords_elsewhere_end_the_open_sessions()
    {
        using var response = await RequestFromFirstSessionAfterAsync("rosalind@example.com", async (email, _) =>
        {
            using var attacker = portal.CreatePortalClient();
            for (var attempt = 0; attempt < 5; attempt++)
            {
                using var failed = await attacker.SignInAsync(email, "Wrong-Password-1");
            }
        });

        Assert.Equal("/Account/Login", PortalClient.RedirectPath(response));
    }

    [Fact]
    public async Task An_unchanged_account_keeps_its_session_past_revalidation()
    {
        using var response = await RequestFromFirstSessionAfterAsync("barbara@example.com", (_, _) => Task.CompletedTask);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Setting_up_an_authenticator_keeps_this_session_and_ends_the_others()
    {
        HttpStatusCode sameSession = default;

        using var otherSession = await RequestFromFirstSessionAfterAsync("mary@example.com", async (_, second) =>
        {
            using var setUp = await second.GetAsync("/Account/Manage/EnableAuthenticator");
            await WaitPastRevalidationAsync();
            using var same = await second.GetAsync("/settings");
            sameSession = same.StatusCode;
        });

        Assert.Equal("/Account/Login", PortalClient.RedirectPath(otherSession));
        Assert.Equal(HttpStatusCode.OK, sameSession);
    }

    /// <summary>
    /// Signs <paramref name="email"/> in twice, lets <paramref name="change"/> act (given the email and the
    /// second session), waits past revalidation and returns what the first session then gets for a page.
    /// </summary>
    private async Task<HttpResponseMessage> RequestFromFirstSessionAfterAsync(
        string email, Func<string, PortalClient, Task> change)
    {
        await portal.RegisterUserAsync(email);
        using var first = portal.CreatePortalClient();
        using var second = portal.CreatePortalClient();
        using (var firstSignedIn = await first.SignInAsync(email))
        using (var secondSignedIn = await second.SignInAsync(email))
        {
            Assert.Equal("/", PortalClient.RedirectPath(firstSignedIn));
            Assert.Equal("/", PortalClient.RedirectPath(secondSignedIn));
        }

        await change(email, second);
        await WaitPastRevalidationAsync();
        return await first.GetAsync("/settings");
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

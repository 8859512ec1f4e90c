using System.Net;
using AllexPortal.Web.Tests.Infrastructure;

namespace AllexPortal.Web.Tests.Accounts;

public sealed class AccountTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Anonymous_request_to_the_dashboard_is_redirected_to_sign_in()
    {
        using var client = portal.CreatePortalClient();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", PortalClient.RedirectPath(response));
        Assert.Contains("ReturnUrl=%2F", response.Headers.Location!.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registered_user_signs_in_and_sees_the_dashboard()
    {
        await portal.RegisterUserAsync("ada@example.com");

        using var client = portal.CreatePortalClient();

        using var signedIn = await client.SignInAsync("ada@example.com");
        using var dashboard = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var html = await dashboard.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("data-testid=\"nav-menu\"", html, StringComparison.Ordinal);
        Assert.Contains("ada@example.com", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_five_times_locks_the_account()
    {
        await portal.RegisterUserAsync("grace@example.com");

        using var withRightPassword = await SignInAfterWrongPasswordsAsync("grace@example.com", wrongAttempts: 5);

        Assert.Equal("/Account/Lockout", PortalClient.RedirectPath(withRightPassword));
    }

    [Fact]
    public async Task Four_wrong_passwords_do_not_lock_the_account()
    {
        await portal.RegisterUserAsync("alan@example.com");

        using var withRightPassword = await SignInAfterWrongPasswordsAsync("alan@example.com", wrongAttempts: 4);

        Assert.Equal("/", PortalClient.RedirectPath(withRightPassword));
    }

    private async Task<HttpResponseMessage> SignInAfterWrongPasswordsAsync(string email, int wrongAttempts)
    {
        using var client = portal.CreatePortalClient();
        for (var attempt = 0; attempt < wrongAttempts; attempt++)
        {
            using var failed = await client.SignInAsync(email, "Wrong-Password-1");
        }

        return await client.SignInAsync(email);
    }
}

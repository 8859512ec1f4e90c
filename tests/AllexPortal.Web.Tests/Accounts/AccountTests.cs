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
        using (var registering = portal.CreatePortalClient())
        {
            using var registered = await registering.RegisterAsync("ada@example.com");
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

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
        using (var registering = portal.CreatePortalClient())
        {
            using var registered = await registering.RegisterAsync("grace@example.com");
        }

        using var client = portal.CreatePortalClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var failed = await client.SignInAsync("grace@example.com", "Wrong-Password-1");
        }

        using var withRightPassword = await client.SignInAsync("grace@example.com");

        Assert.Equal(HttpStatusCode.Redirect, withRightPassword.StatusCode);
        Assert.Equal("/Account/Lockout", PortalClient.RedirectPath(withRightPassword));
    }

    [Fact]
    public async Task Four_wrong_passwords_do_not_lock_the_account()
    {
        using (var registering = portal.CreatePortalClient())
        {
            using var registered = await registering.RegisterAsync("alan@example.com");
        }

        using var client = portal.CreatePortalClient();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var failed = await client.SignInAsync("alan@example.com", "Wrong-Password-1");
        }

        using var withRightPassword = await client.SignInAsync("alan@example.com");

        Assert.Equal(HttpStatusCode.Redirect, withRightPassword.StatusCode);
        Assert.Equal("/", PortalClient.RedirectPath(withRightPassword));
    }
}

using AllexPortal.Web.Email;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Accounts;

public sealed class PasswordResetTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Reset_link_from_the_outbox_sets_a_new_password()
    {
        const string email = "katherine@example.com";
        const string newPassword = "Another-Horse-8";
        await portal.RegisterUserAsync(email);

        using var client = portal.CreatePortalClient();
        using var requested = await client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = email });
        var message = portal.Services.GetRequiredService<EmailOutbox>().LatestTo(email);
        var resetPath = new Uri(message!.Link).PathAndQuery;
        using var reset = await client.SubmitFormAsync(resetPath, "reset-password", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        using var signedIn = await client.SignInAsync(email, newPassword);

        Assert.Equal("Reset your password", message.Subject);
        Assert.Equal("/Account/ResetPasswordConfirmation", PortalClient.RedirectPath(reset));
        Assert.Equal("/", PortalClient.RedirectPath(signedIn));
    }

    [Fact]
    public async Task Reset_request_for_an_unknown_address_sends_nothing_and_reveals_nothing()
    {
        using var client = portal.CreatePortalClient();

        using var requested = await client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = "nobody@example.com" });

        Assert.Equal("/Account/ForgotPasswordConfirmation", PortalClient.RedirectPath(requested));
        Assert.Null(portal.Services.GetRequiredService<EmailOutbox>().LatestTo("nobody@example.com"));
    }
}

using System.Net;
using AllexPortal.Web.Tests.Infrastructure;

namespace AllexPortal.Web.Tests.Accounts;

public sealed class AccountSettingsPagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/Account/Manage")]
    [InlineData("/Account/Manage/Email")]
    [InlineData("/Account/Manage/ChangePassword")]
    [InlineData("/Account/Manage/TwoFactorAuthentication")]
    [InlineData("/Account/Manage/EnableAuthenticator")]
    [InlineData("/Account/Manage/ResetAuthenticator")]
    [InlineData("/Account/Manage/PersonalData")]
    [InlineData("/Account/Manage/DeletePersonalData")]
    [InlineData("/settings")]
    public async Task Settings_page_renders_for_a_signed_in_user(string path)
    {
        using var client = portal.CreatePortalClient();
        using var registered = await client.RegisterAsync($"settings-{Guid.NewGuid():N}@example.com");

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/Account/Manage")]
    [InlineData("/Account/Manage/TwoFactorAuthentication")]
    [InlineData("/assets")]
    [InlineData("/history")]
    [InlineData("/reports")]
    [InlineData("/keys")]
    [InlineData("/teams")]
    [InlineData("/audit")]
    [InlineData("/settings")]
    public async Task Page_sends_anonymous_visitors_to_sign_in(string path)
    {
        using var client = portal.CreatePortalClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", PortalClient.RedirectPath(response));
    }
}

using AllexPortal.Web.Audit;
using AllexPortal.Web.Components.Account;
using AllexPortal.Web.Data;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace AllexPortal.Web.Tests.Security;

/// <summary>
/// ASVS 5.0 6.3.3 (level 2): with <c>Security:RequireTwoFactor</c> on (the default for a real exchange outside
/// Development), a user without a second factor reaches only their account pages until they add one; pages and
/// downloads alike send them to set it up.
/// </summary>
public sealed class TwoFactorRequiredTests(TwoFactorRequiredTests.RequiringPortal portal) : IClassFixture<TwoFactorRequiredTests.RequiringPortal>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/history/trades")]
    [InlineData("/settings")]
    [InlineData(AuditExportEndpoints.Path)]
    public async Task A_user_without_a_second_factor_is_sent_to_set_one_up(string path)
    {
        var (client, _) = await SignedInAsync();

        using var response = await client.GetAsync(path);

        Assert.StartsWith(TwoFactorPolicy.SetUpPath, PortalClient.RedirectPath(response), StringComparison.Ordinal);
        client.Dispose();
    }

    [Fact]
    public async Task The_set_up_page_is_open_to_them_and_says_why()
    {
        var (client, _) = await SignedInAsync();

        using var response = await client.GetAsync(TwoFactorPolicy.SetUpPath);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"two-factor-required\"", html, StringComparison.Ordinal);
        client.Dispose();
    }

    [Fact]
    public async Task With_a_second_factor_the_portal_opens()
    {
        var (client, email) = await SignedInAsync();
        client.Dispose();
        Totp totp;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            totp = new Totp(Base32Encoding.ToBytes(await users.GetAuthenticatorKeyAsync(user)));
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        using var again = portal.CreatePortalClient();
        using var password = await again.SignInAsync(email);
        using var second = await again.SubmitFormAsync(PortalClient.RedirectPath(password), "login-with-2fa",
            new Dictionary<string, string> { ["Input.TwoFactorCode"] = totp.ComputeTotp() });
        using var dashboard = await again.GetAsync("/");

        Assert.StartsWith("/Account/LoginWith2fa", PortalClient.RedirectPath(password), StringComparison.Ordinal);
        Assert.Equal("/", PortalClient.RedirectPath(second));
        Assert.Equal(System.Net.HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Theory]
    [InlineData(null, false, false, true)] // a real exchange in production: required
    [InlineData(null, true, false, false)] // Development
    [InlineData(null, false, true, false)] // the demo
    [InlineData(false, false, false, false)] // an operator's explicit choice wins
    [InlineData(true, false, true, true)]
    public void The_default_requires_a_second_factor_for_a_real_exchange_outside_development(bool? setting, bool development, bool demo, bool required) =>
        Assert.Equal(required, TwoFactorPolicy.IsRequired(setting, development, demo));

    private async Task<(PortalClient Client, string Email)> SignedInAsync()
    {
        var email = $"factor-{Guid.NewGuid():N}@example.com";
        await portal.RegisterUserAsync(email);
        var client = portal.CreatePortalClient();
        using var signedIn = await client.SignInAsync(email);
        return (client, email);
    }

    /// <summary>A portal that requires a second factor.</summary>
    public sealed class RequiringPortal : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            [TwoFactorPolicy.SettingKey] = "true",
        };
    }
}

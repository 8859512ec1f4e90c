using AllexPortal.Web.Components.Account;
using AllexPortal.Web.Data;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace AllexPortal.Web.Tests.Security;

/// <summary>
/// ASVS 5.0 V6.5 (multi-factor authentication): an authenticator code works once (6.5.1), and recovery codes are
/// stored hashed and work once (6.5.2). Through the portal's real <see cref="UserManager{TUser}"/> and token
/// providers, which every two-factor sign-in and the authenticator set-up page use.
/// </summary>
public sealed class SecondFactorTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncDisposable
{
    private readonly List<AsyncServiceScope> scopes = [];

    private static readonly string Authenticator = TokenOptions.DefaultAuthenticatorProvider;

    [Fact]
    public async Task Two_factor_sign_in_uses_the_one_time_authenticator_provider()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();

        Assert.Equal(typeof(OneTimeAuthenticatorTokenProvider), users.Options.Tokens.ProviderMap[users.Options.Tokens.AuthenticatorTokenProvider].ProviderType);
    }

    [Fact]
    public async Task An_authenticator_code_is_accepted_once_and_never_again()
    {
        var (users, user, totp) = await UserWithAuthenticatorAsync();
        var code = totp.ComputeTotp(DateTime.UtcNow);

        var first = await users.VerifyTwoFactorTokenAsync(user, Authenticator, code);
        var replayed = await users.VerifyTwoFactorTokenAsync(user, Authenticator, code);

        Assert.True(first);
        Assert.False(replayed);
    }

    [Fact]
    public async Task After_a_code_is_used_only_a_later_time_step_is_accepted()
    {
        var (users, user, totp) = await UserWithAuthenticatorAsync();
        var now = DateTime.UtcNow;

        var current = await users.VerifyTwoFactorTokenAsync(user, Authenticator, totp.ComputeTotp(now));
        var earlier = await users.VerifyTwoFactorTokenAsync(user, Authenticator, totp.ComputeTotp(now.AddSeconds(-30)));
        var later = await users.VerifyTwoFactorTokenAsync(user, Authenticator, totp.ComputeTotp(now.AddSeconds(30)));

        Assert.True(current);
        Assert.False(earlier);
        Assert.True(later);
    }

    [Theory]
    [InlineData(-90)]
    [InlineData(90)]
    public async Task Codes_beyond_one_step_of_clock_drift_are_refused(int seconds)
    {
        var (users, user, totp) = await UserWithAuthenticatorAsync();

        Assert.False(await users.VerifyTwoFactorTokenAsync(user, Authenticator, totp.ComputeTotp(DateTime.UtcNow.AddSeconds(seconds))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("１２３４５６")] // full-width digits are not ASCII digits
    public async Task Malformed_codes_are_refused(string code)
    {
        var (users, user, _) = await UserWithAuthenticatorAsync();

        Assert.False(await users.VerifyTwoFactorTokenAsync(user, Authenticator, code));
    }

    [Fact]
    public async Task Two_requests_racing_with_the_same_code_cannot_both_succeed()
    {
        var (_, user, totp) = await UserWithAuthenticatorAsync();
        var code = totp.ComputeTotp(DateTime.UtcNow);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var own = await users.FindByIdAsync(user.Id);
            return await users.VerifyTwoFactorTokenAsync(own!, Authenticator, code);
        }));

        Assert.Equal(1, results.Count(accepted => accepted));
    }

    [Fact]
    public async Task Recovery_codes_are_stored_only_as_salted_hashes()
    {
        var (users, user, _) = await UserWithAuthenticatorAsync();

        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        var stored = await users.GetAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes");

        Assert.Equal(10, codes.Distinct().Count());
        Assert.Equal(10, await users.CountRecoveryCodesAsync(user));
        Assert.All(stored!.Split(';'), entry => Assert.StartsWith(PortalUserManager.HashedCodePrefix, entry, StringComparison.Ordinal));
        Assert.All(codes, code => Assert.DoesNotContain(code, stored, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(10, stored.Split(';').Distinct().Count()); // salted: no two hashes alike
    }

    [Fact]
    public async Task A_recovery_code_works_once_and_a_wrong_one_never()
    {
        var (users, user, _) = await UserWithAuthenticatorAsync();
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();

        var wrong = await users.RedeemTwoFactorRecoveryCodeAsync(user, "ABCDE-FGHIJ");
        var first = await users.RedeemTwoFactorRecoveryCodeAsync(user, codes[3]);
        var again = await users.RedeemTwoFactorRecoveryCodeAsync(user, codes[3]);

        Assert.False(wrong.Succeeded);
        Assert.True(first.Succeeded);
        Assert.False(again.Succeeded);
        Assert.Equal(9, await users.CountRecoveryCodesAsync(user));
    }

    [Fact]
    public async Task Recovery_codes_saved_before_hashing_still_work_once()
    {
        var (users, user, _) = await UserWithAuthenticatorAsync();
        await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes", "LEGAC-Y0001;LEGAC-Y0002");

        var first = await users.RedeemTwoFactorRecoveryCodeAsync(user, "LEGAC-Y0002");
        var again = await users.RedeemTwoFactorRecoveryCodeAsync(user, "LEGAC-Y0002");

        Assert.True(first.Succeeded);
        Assert.False(again.Succeeded);
        Assert.Equal(1, await users.CountRecoveryCodesAsync(user));
    }

    private async Task<(UserManager<PortalUser> Users, PortalUser User, Totp Totp)> UserWithAuthenticatorAsync()
    {
        var id = await portal.NewUserAsync();
        var scope = portal.Services.CreateAsyncScope();
        scopes.Add(scope);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(id) ?? throw new InvalidOperationException("The new user is gone.");
        await users.ResetAuthenticatorKeyAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        return (users, user, new Totp(Base32Encoding.ToBytes(key)));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var scope in scopes)
        {
            await scope.DisposeAsync();
        }
    }
}

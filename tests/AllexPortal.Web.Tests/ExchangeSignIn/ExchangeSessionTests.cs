using AllexPortal.Sandbox;
using AllexPortal.Web.Audit;
using AllexPortal.Web.Data;
using AllexPortal.Web.ExchangeSignIn;
using AllexPortal.Web.Tests.ApiKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AllexPortal.Web.Tests.ExchangeSignIn;

/// <summary>Signing in to the (sandbox) exchange over HTTP: each outcome, and the session's life in memory.</summary>
public sealed class ExchangeSessionTests(KeysPortal portal) : IClassFixture<KeysPortal>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Account_with_2fa_signs_in_with_password_and_code()
    {
        await using var scope = portal.ScopeFor(await portal.NewUserAsync());
        var session = scope.ServiceProvider.GetRequiredService<ExchangeSession>();

        var result = await session.SignInAsync(portal.Demo.Email, portal.Demo.Password, portal.DemoOtp(), Token);
        var verified = await session.Client().Security.VerifyTokenAsync(Token);

        Assert.Equal(ExchangeSignInOutcome.SignedIn, result.Outcome);
        Assert.True(session.IsSignedIn);
        Assert.Equal(portal.Demo.Email, session.Email);
        Assert.Equal("Valid Token", verified.Message);
    }

    [Fact]
    public async Task Account_without_2fa_signs_in_with_password_only()
    {
        var (email, password) = await portal.NewSandboxAccountAsync(Token);
        await using var scope = portal.ScopeFor(await portal.NewUserAsync());
        var session = scope.ServiceProvider.GetRequiredService<ExchangeSession>();

        var result = await session.SignInAsync(email, password, otpCode: null, Token);

        Assert.True(result.Succeeded, result.Message);
        Assert.True(session.IsSignedIn);
    }

    [Fact]
    public async Task Session_expires_when_the_exchange_token_does()
    {
        await using var scope = portal.ScopeFor(await portal.NewUserAsync());
        var session = await portal.SignedInAsDemoAsync(scope, Token);

        var expectedExpiry = portal.Sandbox.Time.GetUtcNow().AddDays(7);

        Assert.NotNull(session.ExpiresAt);
        Assert.InRange(session.ExpiresAt.Value, expectedExpiry.AddMinutes(-1), expectedExpiry.AddMinutes(1));
    }

    [Fact]
    public async Task Expired_session_is_forgotten_and_asks_to_sign_in_again()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var scope = portal.ScopeFor(await portal.NewUserAsync());
        var session = ActivatorUtilities.CreateInstance<ExchangeSession>(scope.ServiceProvider, (TimeProvider)clock);
        await session.SignInAsync(portal.Demo.Email, portal.Demo.Password, portal.DemoOtp(), Token);
        var changes = 0;
        session.Changed += () => changes++;

        clock.Advance(TimeSpan.FromDays(8));

        Assert.False(session.IsSignedIn);
        Assert.Null(session.Email);
        Assert.Equal(1, changes);
        Assert.Throws<ExchangeSignInRequiredException>(() => session.Client());
    }

    [Fact]
    public async Task Wrong_password_has_its_own_message()
    {
        await using var scope = portal.ScopeFor(await portal.NewUserAsync());
        var session = scope.ServiceProvider.GetRequiredService<ExchangeSession>();

        var result = await session.SignInAsync(portal.Demo.Email, "not-the-password-1", portal.DemoOtp(), Token);

        Assert.Equal(ExchangeSignInOutcome.WrongCredentials, result.Outcome);
        Assert.Contains("e-mail address and password", result.Message, StringComparison.Ordinal);
        Assert.False(session.IsSignedIn);
    }

    [Fact]
    public async Task Missing_2fa_code_asks_for_it()
    {
        await using var scope = portal.ScopeFor(await portal.NewUserAsync());
        var session = scope.ServiceProvider.GetRequiredService<ExchangeSession>();

        var result = await session.SignInAsync(portal.Demo.Email, portal.Demo.Password, otpCode: null, Token);

        Assert.Equal(ExchangeSignInOutcome.OtpRequired, result.Outcome);
        Assert.Contains("two-factor authentication on", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_2fa_code_says_the_code_was_not_accepted()
    {
        await using var scope = portal.ScopeFor(await portal.NewUserAsync());
        var session = scope.ServiceProvider.GetRequiredService<ExchangeSession>();
        var wrong = portal.DemoOtp() == "000000" ? "111111" : "000000";

        var result = await session.SignInAsync(portal.Demo.Email, portal.Demo.Password, wrong, Token);

        Assert.Equal(ExchangeSignInOutcome.WrongOtp, result.Outcome);
        Assert.Contains("2FA code was not accepted", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivated_account_is_reported_as_locked()
    {
        var (email, password) = await portal.NewSandboxAccountAsync(Token);
        portal.Sandbox.SetDeactivated(email);
        await using var scope = portal.ScopeFor(await portal.NewUserAsync());
        var session = scope.ServiceProvider.GetRequiredService<ExchangeSession>();

        var result = await session.SignInAsync(email, password, otpCode: null, Token);

        Assert.Equal(ExchangeSignInOutcome.AccountLocked, result.Outcome);
        Assert.Contains("locked or deactivated", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limited_sign_in_says_when_to_try_again()
    {
        portal.Sandbox.SetFaults(new FaultOptions { PathPrefix = "/v2/login", TooManyRequests = 1, RetryAfterSeconds = 90 });
        await using var scope = portal.ScopeFor(await portal.NewUserAsync());
        var session = scope.ServiceProvider.GetRequiredService<ExchangeSession>();

        var result = await session.SignInAsync(portal.Demo.Email, portal.Demo.Password, portal.DemoOtp(), Token);

        Assert.Equal(ExchangeSignInOutcome.RateLimited, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(90), result.RetryAfter);
        Assert.Contains("Try again in 2 minute(s)", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failing_exchange_is_reported_as_unreachable()
    {
        portal.Sandbox.SetFaults(new FaultOptions { PathPrefix = "/v2/login", ServerErrors = 1, ServerErrorStatus = 503 });
        await using var scope = portal.ScopeFor(await portal.NewUserAsync());
        var session = scope.ServiceProvider.GetRequiredService<ExchangeSession>();

        var result = await session.SignInAsync(portal.Demo.Email, portal.Demo.Password, portal.DemoOtp(), Token);

        Assert.Equal(ExchangeSignInOutcome.ExchangeUnreachable, result.Outcome);
        Assert.False(session.IsSignedIn);
    }

    [Fact]
    public async Task Sign_out_forgets_the_session()
    {
        await using var scope = portal.ScopeFor(await portal.NewUserAsync());
        var session = await portal.SignedInAsDemoAsync(scope, Token);

        session.SignOut();

        Assert.False(session.IsSignedIn);
        Assert.Null(session.ExpiresAt);
        Assert.Throws<ExchangeSignInRequiredException>(() => session.Client());
    }

    [Fact]
    public async Task Circuit_end_forgets_the_session()
    {
        await using var scope = portal.ScopeFor(await portal.NewUserAsync());
        var session = await portal.SignedInAsDemoAsync(scope, Token);

        session.Dispose();

        Assert.False(session.IsSignedIn);
        Assert.Throws<ObjectDisposedException>(() => session.Client());
    }

    [Fact]
    public async Task Session_text_never_shows_the_token()
    {
        await using var scope = portal.ScopeFor(await portal.NewUserAsync());
        var session = await portal.SignedInAsDemoAsync(scope, Token);

        var text = session.ToString();

        Assert.DoesNotContain(KeysPortal.JwtHeader, text, StringComparison.Ordinal);
        Assert.Contains(portal.Demo.Email, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_is_audited_for_the_portal_user()
    {
        var userId = await portal.NewUserAsync();
        await using var scope = portal.ScopeFor(userId);

        await portal.SignedInAsDemoAsync(scope, Token);

        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(Token);
        var entry = await db.AuditEntries.SingleAsync(e => e.ActorUserId == userId, Token);
        Assert.Equal(AuditAction.ExchangeSignedIn, entry.Action);
        Assert.Equal(portal.Demo.Email, entry.Subject);
    }
}

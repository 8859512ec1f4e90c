using System.Net;
using System.Security.Claims;
using AllexPortal.Web.Components.Account;
using AllexPortal.Web.Data;
using AllexPortal.Web.Security;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AllexPortal.Web.Tests.Security;

/// <summary>
/// ASVS 5.0 7.3.1 and 7.3.2: a session ends after an hour without a request and 24 hours after its sign-in however
/// busy it is, on the sign-in cookie and in open interactive pages alike. The portal's clock is moved by the tests.
/// </summary>
public sealed class SessionLifetimeTests(SessionLifetimeTests.ClockPortal portal) : IClassFixture<SessionLifetimeTests.ClockPortal>
{
    [Fact]
    public async Task A_session_stays_open_while_it_is_used_within_the_idle_timeout()
    {
        using var client = await SignedInAsync();

        portal.Clock.Advance(TimeSpan.FromMinutes(50));
        using var later = await client.GetAsync("/settings");
        portal.Clock.Advance(TimeSpan.FromMinutes(50));
        using var laterStill = await client.GetAsync("/settings");

        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(HttpStatusCode.OK, laterStill.StatusCode);
    }

    [Fact]
    public async Task A_session_without_a_request_for_an_hour_ends()
    {
        using var client = await SignedInAsync();

        portal.Clock.Advance(TimeSpan.FromMinutes(61));
        using var response = await client.GetAsync("/settings");

        Assert.Equal("/Account/Login", PortalClient.RedirectPath(response));
    }

    [Fact]
    public async Task A_busy_session_ends_twenty_four_hours_after_its_sign_in()
    {
        using var client = await SignedInAsync();
        for (var hour = 0; hour < 23; hour++)
        {
            portal.Clock.Advance(TimeSpan.FromMinutes(50));
            using var busy = await client.GetAsync("/settings");
            Assert.Equal(HttpStatusCode.OK, busy.StatusCode);
        }

        portal.Clock.Advance(TimeSpan.FromMinutes(90)); // 24 h 50 min after the sign-in, 40 min after the last request
        using var response = await client.GetAsync("/settings");

        Assert.Equal("/Account/Login", PortalClient.RedirectPath(response));
    }

    [Fact]
    public async Task An_open_page_ends_its_session_at_the_absolute_lifetime()
    {
        using var provider = ActivatorUtilities.CreateInstance<IdentityRevalidatingAuthenticationStateProvider>(portal.Services);
        var user = await portal.NewUserAsync();
        var principal = await PrincipalOfAsync(user, portal.Clock.GetUtcNow());

        var fresh = await ValidateAsync(provider, principal);
        portal.Clock.Advance(TimeSpan.FromHours(24));
        var expired = await ValidateAsync(provider, principal);

        Assert.True(fresh);
        Assert.False(expired);
    }

    [Fact]
    public void A_session_that_does_not_say_when_it_began_or_began_in_the_future_has_ended()
    {
        var now = portal.Clock.GetUtcNow();
        var unknown = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "someone")], "test"));
        var future = new ClaimsPrincipal(new ClaimsIdentity([SessionClaims.SignedInAtClaim(now.AddHours(1))], "test"));

        Assert.False(SessionClaims.IsWithin(unknown, TimeSpan.FromHours(24), now));
        Assert.False(SessionClaims.IsWithin(future, TimeSpan.FromHours(24), now));
    }

    [Fact]
    public void The_defaults_are_an_hour_idle_and_a_day_in_all()
    {
        var options = portal.Services.GetRequiredService<IOptions<PortalSessionOptions>>().Value;

        Assert.Equal(TimeSpan.FromHours(1), options.IdleTimeout);
        Assert.Equal(TimeSpan.FromHours(24), options.AbsoluteLifetime);
    }

    private async Task<PortalClient> SignedInAsync()
    {
        var email = $"session-{Guid.NewGuid():N}@example.com";
        await portal.RegisterUserAsync(email);
        var client = portal.CreatePortalClient();
        using var signedIn = await client.SignInAsync(email);
        Assert.Equal("/", PortalClient.RedirectPath(signedIn));
        return client;
    }

    private async Task<ClaimsPrincipal> PrincipalOfAsync(string userId, DateTimeOffset signedInAt)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>();
        var principal = await factory.CreateAsync((await users.FindByIdAsync(userId))!);
        ((ClaimsIdentity)principal.Identity!).AddClaim(SessionClaims.SignedInAtClaim(signedInAt));
        return principal;
    }

    private static Task<bool> ValidateAsync(IdentityRevalidatingAuthenticationStateProvider provider, ClaimsPrincipal principal) =>
        provider.ValidateAsync(new AuthenticationState(principal), TestContext.Current.CancellationToken);

    /// <summary>A portal whose clock the tests move.</summary>
    public sealed class ClockPortal : PortalFactory
    {
        /// <summary>Starts on a whole second, as cookies store times in seconds.</summary>
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }
}

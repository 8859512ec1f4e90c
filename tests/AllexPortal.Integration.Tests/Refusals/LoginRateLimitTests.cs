using System.Net;
using AllexPortal.Exchange.Errors;
using AllexPortal.Exchange.Security;
using AllexPortal.Integration.Tests.Infrastructure;
using AllexPortal.Sandbox;

namespace AllexPortal.Integration.Tests.Refusals;

/// <summary>
/// The Kit's login limit (a fixed 2-minute window per IP). Its <c>Retry-After</c> is longer than the client waits
/// inside a call, so even a client with its default retries fails at once and reports how long to wait.
/// </summary>
public sealed class LoginRateLimitTests(LoginRateLimitTests.LoginLimitedSandbox sandbox) : IClassFixture<LoginRateLimitTests.LoginLimitedSandbox>
{
    [Fact]
    public async Task Logins_beyond_the_window_limit_are_refused_with_429_and_a_two_minute_retry_after()
    {
        var ct = TestContext.Current.CancellationToken;
        var attempt = new LoginRequest { Email = "nobody@example.com", Password = "Wrong-passw0rd" };
        for (var i = 0; i < LoginLimitedSandbox.Logins; i++)
        {
            var refused = await Assert.ThrowsAsync<ExchangeApiException>(() => sandbox.Public.LoginAsync(attempt, ct));
            Assert.Equal("Incorrect credentials.", refused.ExchangeMessage);
        }

        var failure = await Assert.ThrowsAsync<ExchangeApiException>(() => sandbox.Public.LoginAsync(attempt, ct));

        Assert.Equal(ExchangeErrorKind.RateLimited, failure.Kind);
        Assert.Equal(HttpStatusCode.TooManyRequests, failure.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(2), failure.RetryAfter);
        Assert.Equal("Too many requests. Your account is blocked for 2 minutes", failure.ExchangeMessage);
    }

    /// <summary>Three logins per window of the frozen clock; the general limit is generous.</summary>
    public sealed class LoginLimitedSandbox : RateLimitedSandboxFixture
    {
        public const int Logins = 3;

        protected override RateLimitOptions Limits => new() { GeneralPerSecond = 1_000, GeneralBurst = 1_000, Login = Logins };
    }
}

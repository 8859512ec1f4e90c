using System.Net;
using AllexPortal.Exchange.Configuration;
using AllexPortal.Exchange.Errors;
using AllexPortal.Integration.Tests.Infrastructure;
using AllexPortal.Sandbox;

namespace AllexPortal.Integration.Tests.Refusals;

/// <summary>
/// The exchange's general per-IP limit (nginx, <c>Retry-After: 1</c>) on a sandbox of its own with a tiny burst
/// and a frozen clock, so the bucket cannot refill while the test runs. The client does not retry here, so the
/// first refusal is what the caller sees.
/// </summary>
public sealed class GeneralRateLimitTests(GeneralRateLimitTests.TightSandbox sandbox) : IClassFixture<GeneralRateLimitTests.TightSandbox>
{
    [Fact]
    public async Task Requests_beyond_the_burst_are_refused_with_429_and_the_retry_after_is_surfaced()
    {
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < TightSandbox.Burst; i++)
        {
            Assert.True((await sandbox.Public.GetHealthAsync(ct)).Status);
        }

        var failure = await Assert.ThrowsAsync<ExchangeApiException>(() => sandbox.Public.GetHealthAsync(ct));

        Assert.Equal(ExchangeErrorKind.RateLimited, failure.Kind);
        Assert.Equal(HttpStatusCode.TooManyRequests, failure.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), failure.RetryAfter);
    }

    /// <summary>Four requests per IP, then one per second of the frozen clock; the client does not retry.</summary>
    public sealed class TightSandbox : RateLimitedSandboxFixture
    {
        public const int Burst = 4;

        protected override RateLimitOptions Limits => new() { GeneralPerSecond = 1, GeneralBurst = Burst };

        protected override void ConfigureClient(AllexClientOptions options) => options.MaxRetryAttempts = 0;
    }
}

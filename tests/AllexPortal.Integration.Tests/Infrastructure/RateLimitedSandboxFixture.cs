using AllexPortal.Sandbox;
using Microsoft.Extensions.Time.Testing;

namespace AllexPortal.Integration.Tests.Infrastructure;

/// <summary>
/// A sandbox with tight rate limits on a clock that does not move, so a bucket or window cannot refill while a
/// test runs; without the demo user, which these tests do not need (faster start).
/// </summary>
public abstract class RateLimitedSandboxFixture : SandboxFixture
{
    protected override TimeProvider? SandboxClock { get; } = new FakeTimeProvider(DateTimeOffset.UtcNow);

    protected abstract RateLimitOptions Limits { get; }

    protected override void Configure(SandboxOptions options)
    {
        options.Demo.Enabled = false;
        options.RateLimits = Limits;
    }
}

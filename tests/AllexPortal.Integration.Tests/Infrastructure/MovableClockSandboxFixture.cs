using Microsoft.Extensions.Time.Testing;

namespace AllexPortal.Integration.Tests.Infrastructure;

/// <summary>
/// A sandbox on a clock the tests move by hand (starting at the real time, on a whole second as the wire carries milliseconds), for expiries such as quick-trade
/// tokens. Moves stay well under the client's 60 s signature lifetime, so signed calls keep verifying.
/// </summary>
public sealed class MovableClockSandboxFixture : SandboxFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    protected override TimeProvider? SandboxClock => Clock;
}

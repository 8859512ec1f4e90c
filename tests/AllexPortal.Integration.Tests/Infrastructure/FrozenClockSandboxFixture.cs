using Microsoft.Extensions.Time.Testing;

namespace AllexPortal.Integration.Tests.Infrastructure;

/// <summary>
/// A sandbox whose clock stands still, so that prices read through the client can be compared exactly with the
/// sandbox's own price path at the same instant. Only for unsigned calls: signatures follow the real clock.
/// </summary>
public sealed class FrozenClockSandboxFixture : SandboxFixture
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 30, TimeSpan.Zero);

    protected override TimeProvider? SandboxClock { get; } = new FakeTimeProvider(Now);
}

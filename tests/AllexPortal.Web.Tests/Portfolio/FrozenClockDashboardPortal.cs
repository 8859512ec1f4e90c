using Microsoft.Extensions.Time.Testing;

namespace AllexPortal.Web.Tests.Portfolio;

/// <summary>The dashboard portal on a clock that stands still (on a whole second, as the wire carries
/// milliseconds), so oracle prices do not move between the portal's valuation and the test's own.</summary>
public sealed class FrozenClockDashboardPortal : DashboardPortal
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    protected override FakeTimeProvider? Clock => clock;
}

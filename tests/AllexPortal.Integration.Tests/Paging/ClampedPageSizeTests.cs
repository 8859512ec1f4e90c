using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Paging;
using AllexPortal.Integration.Tests.Infrastructure;
using AllexPortal.Sandbox;

namespace AllexPortal.Integration.Tests.Paging;

/// <summary>
/// Against a sandbox that serves at most 50 rows a page, as several Kit lists do whatever the limit asks, the public
/// <see cref="PageReader"/> asked for 100 still returns every row once (it used to stop after the first short page).
/// </summary>
public sealed class ClampedPageSizeTests(ClampedPageSizeTests.FiftyRowSandbox sandbox) : IClassFixture<ClampedPageSizeTests.FiftyRowSandbox>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_trade_is_read_once_when_100_are_asked_and_50_are_served()
    {
        var truth = sandbox.Exchange.TradesOf(sandbox.Demo.Email);

        var trades = await sandbox.DemoKey.User.ReadAllTradesAsync(new HistoryFilter { PageSize = 100 }, Ct).ToListAsync(Ct);

        Assert.True(truth.Count > 100, $"the demo has {truth.Count} trades");
        Assert.Equal(truth.Count, trades.Count);
        Assert.Equal(trades.Count, trades.Select(t => (t.OrderId, t.Timestamp, t.Size, t.Price)).Distinct().Count());
    }

    /// <summary>A sandbox whose lists serve at most 50 rows a page.</summary>
    public sealed class FiftyRowSandbox : SandboxFixture
    {
        protected override void Configure(SandboxOptions options) => options.MaxPageSize = 50;
    }
}

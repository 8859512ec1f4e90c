using AllexPortal.Sandbox;
using AllexPortal.Web.Ledger;

namespace AllexPortal.Web.Tests.Ledger;

/// <summary>Exchange faults in the middle of a first sync, more than the client's retries absorb: the run stops with
/// an error worded for the user, keeps the pages it committed, and the next run ends with the exact set.</summary>
public sealed class SyncFaultTests(LedgerPortal portal) : IClassFixture<LedgerPortal>, IDisposable
{
    public static TheoryData<string> Faults => ["server error", "malformed page", "dropped connection"];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Sync_broken_off_by_a_fault_mid_history_ends_with_the_exact_set_at_the_next_run(string fault)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (userId, connectionId) = await portal.CreateUserWithDemoConnectionAsync();
        portal.Sandbox.SetFaults(FaultAfterTwoPages(fault));

        var broken = await portal.Coordinator.SyncNowAsync(userId, connectionId, cancellationToken);
        var kept = await portal.TradesAsync(connectionId);
        var state = await portal.StateAsync(connectionId, LedgerKind.Trades);
        portal.Sandbox.SetFaults(new FaultOptions());
        var rerun = await portal.Coordinator.SyncNowAsync(userId, connectionId, cancellationToken);

        var truth = portal.Sandbox.TradesOf(portal.DemoEmail);
        Assert.False(broken.Succeeded);
        Assert.NotNull(broken.Of(LedgerKind.Trades)!.Error);
        Assert.Equal(200, kept.Count);
        Assert.Equal((false, kept[^1].Timestamp), (state.Complete, state.Cursor));
        Assert.Equal(broken.Of(LedgerKind.Trades)!.Error, state.LastError);
        Assert.True(rerun.Succeeded);
        Assert.Equal(LedgerTruth.Trades(truth), LedgerTruth.Trades(await portal.TradesAsync(connectionId)));
        Assert.Equal(truth.Count, (await portal.StateAsync(connectionId, LedgerKind.Trades)).RowCount);
        Assert.Null((await portal.StateAsync(connectionId, LedgerKind.Trades)).LastError);
    }

    [Fact]
    public async Task Rate_limit_stops_the_run_with_the_resume_notice_and_the_next_run_completes()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (userId, connectionId) = await portal.CreateUserWithDemoConnectionAsync();
        portal.Sandbox.SetFaults(new FaultOptions { PathPrefix = "/v2/orders", SkipRequests = 1, TooManyRequests = 1, RetryAfterSeconds = 120 });

        var limited = await portal.Coordinator.SyncNowAsync(userId, connectionId, cancellationToken);
        var error = (await portal.StateAsync(connectionId, LedgerKind.Orders)).LastError;
        portal.Sandbox.SetFaults(new FaultOptions());
        var rerun = await portal.Coordinator.SyncNowAsync(userId, connectionId, cancellationToken);

        Assert.Equal([LedgerKind.Trades, LedgerKind.Orders], limited.Kinds.Select(k => k.Kind));
        Assert.StartsWith("The exchange is rate-limiting; sync resumes at the next run.", error, StringComparison.Ordinal);
        Assert.True(rerun.Succeeded);
        Assert.Equal(
            portal.Sandbox.TradesOf(portal.DemoEmail).Select(t => t.OrderId).Concat(portal.Sandbox.LiveOrdersOf(portal.DemoEmail).Select(o => o.Id)).Order(),
            (await portal.OrdersAsync(connectionId)).Select(o => o.ExchangeId).Order());
    }

    [Fact]
    public async Task Transient_5xx_within_the_retries_does_not_interrupt_the_run()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (userId, connectionId) = await portal.CreateUserWithDemoConnectionAsync();
        portal.Sandbox.SetFaults(new FaultOptions { PathPrefix = "/v2/user/trades", SkipRequests = 1, ServerErrors = 2, ServerErrorStatus = 503 });

        var result = await portal.Coordinator.SyncNowAsync(userId, connectionId, cancellationToken);

        Assert.True(result.Succeeded);
        Assert.Equal(LedgerTruth.Trades(portal.Sandbox.TradesOf(portal.DemoEmail)), LedgerTruth.Trades(await portal.TradesAsync(connectionId)));
    }

    public void Dispose() => portal.Sandbox.SetFaults(new FaultOptions());

    /// <summary>Three faults in a row (one attempt and both retries) on the third page of trades.</summary>
    private static FaultOptions FaultAfterTwoPages(string fault) => fault switch
    {
        "server error" => new FaultOptions { PathPrefix = "/v2/user/trades", SkipRequests = 2, ServerErrors = 3 },
        "malformed page" => new FaultOptions { PathPrefix = "/v2/user/trades", SkipRequests = 2, MalformedJson = 3 },
        _ => new FaultOptions { PathPrefix = "/v2/user/trades", SkipRequests = 2, DroppedConnections = 3 },
    };
}

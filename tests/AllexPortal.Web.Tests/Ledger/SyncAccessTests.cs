using AllexPortal.Exchange.Security;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Ledger;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Tests.Ledger;

/// <summary>A connection id from the browser is checked against the acting user before anything runs.</summary>
public sealed class SyncAccessTests(LedgerPortal portal) : IClassFixture<LedgerPortal>
{
    [Fact]
    public async Task Sync_of_another_users_connection_is_refused_and_touches_nothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (_, connectionId) = await portal.CreateUserWithDemoConnectionAsync();
        var intruder = await portal.NewUserAsync();

        await Assert.ThrowsAsync<ConnectionNotFoundException>(() => portal.Coordinator.SyncNowAsync(intruder, connectionId, cancellationToken));
        await Assert.ThrowsAsync<ConnectionNotFoundException>(() => portal.Coordinator.StartAsync(intruder, connectionId, cancellationToken));

        await using var db = await portal.DatabaseAsync();
        Assert.False(await db.LedgerSyncStates.AnyAsync(s => s.ConnectionId == connectionId, cancellationToken));
        Assert.Null(portal.Coordinator.ProgressOf(connectionId));
    }

    [Fact]
    public async Task Status_lists_each_history_of_the_users_own_connections_only()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (userId, connectionId) = await portal.CreateUserWithDemoConnectionAsync("Mine");
        await portal.CreateUserWithDemoConnectionAsync("Someone else's");
        await portal.Coordinator.SyncNowAsync(userId, connectionId, cancellationToken);

        var statuses = await portal.Coordinator.StatusAsync(userId, cancellationToken);

        Assert.Equal([LedgerKind.Trades, LedgerKind.Orders, LedgerKind.Deposits, LedgerKind.Withdrawals], statuses.Select(s => s.Kind));
        Assert.All(statuses, s => Assert.Equal((connectionId, "Mine", true, false), (s.ConnectionId, s.ConnectionLabel, s.Complete, s.Running)));
        Assert.Equal(portal.Sandbox.TradesOf(portal.DemoEmail).Count, statuses[0].RowCount);
    }

    [Fact]
    public async Task Cancel_by_another_user_leaves_the_run_going_to_its_end()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (userId, connectionId) = await portal.CreateUserWithDemoConnectionAsync();
        var intruder = await portal.NewUserAsync();
        var completed = new TaskCompletionSource();
        void OnCompleted(Guid id)
        {
            if (id == connectionId)
            {
                completed.TrySetResult();
            }
        }

        // The intruder cancels from elsewhere (another circuit) while the run reports progress: the attempts run on
        // their own tasks, as they would from another tab, never blocking the run that raised the event.
        var attempts = new List<Task>();
        void CancelAsIntruder(LedgerSyncProgress p)
        {
            if (p.ConnectionId == connectionId)
            {
                lock (attempts)
                {
                    attempts.Add(Task.Run(() => portal.Coordinator.CancelAsync(intruder, connectionId, CancellationToken.None), cancellationToken));
                }
            }
        }

        portal.Coordinator.SyncCompleted += OnCompleted;
        portal.Coordinator.ProgressChanged += CancelAsIntruder;
        try
        {
            await portal.Coordinator.StartAsync(userId, connectionId, cancellationToken);
            await completed.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }
        finally
        {
            portal.Coordinator.SyncCompleted -= OnCompleted;
            portal.Coordinator.ProgressChanged -= CancelAsIntruder;
        }

        Assert.True((await portal.StateAsync(connectionId, LedgerKind.Withdrawals)).Complete);
        Task[] made;
        lock (attempts)
        {
            made = [.. attempts];
        }
        Assert.NotEmpty(made);
        foreach (var attempt in made)
        {
            await Assert.ThrowsAsync<ConnectionNotFoundException>(() => attempt);
        }
    }

    [Fact]
    public async Task Rejected_key_stops_the_run_and_tells_the_user_to_rotate_it()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var userId = await portal.NewUserAsync();
        var demo = portal.Sandbox.Options.Demo;
        var connectionId = await portal.AddConnectionWithKeyAsync(userId, new ApiKeyCredentials(demo.ApiKey, new string('0', demo.ApiSecret.Length)));

        var result = await portal.Coordinator.SyncNowAsync(userId, connectionId, cancellationToken);

        var status = (await portal.Coordinator.StatusAsync(userId, cancellationToken)).Single(s => s.Kind == LedgerKind.Trades);
        Assert.Equal([LedgerKind.Trades], result.Kinds.Select(k => k.Kind));
        Assert.EndsWith("Rotate the key on the Connections page.", status.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(demo.ApiKey, status.LastError, StringComparison.Ordinal);
        Assert.NotNull(status.LastErrorAt);
    }
}

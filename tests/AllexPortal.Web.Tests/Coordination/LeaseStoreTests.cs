using AllexPortal.Web.Coordination;
using AllexPortal.Web.Tests.Ledger;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Tests.Coordination;

/// <summary>The lease table on real SQLite: one holder at a time, renewal, expiry and take-over, loss, release.</summary>
public sealed class LeaseStoreTests : IAsyncLifetime
{
    private readonly LeaseTestDatabase leases = new();

    public ValueTask InitializeAsync() => leases.InitializeAsync();

    public ValueTask DisposeAsync() => leases.DisposeAsync();

    [Fact]
    public async Task Second_instance_cannot_take_a_lease_the_first_holds()
    {
        var clock = LeaseTestDatabase.NewClock();
        await using var held = await leases.Instance("a", clock).TryAcquireAsync("job", TestContext.Current.CancellationToken);

        var second = await leases.Instance("b", clock).TryAcquireAsync("job", TestContext.Current.CancellationToken);

        Assert.NotNull(held);
        Assert.Null(second);
    }

    [Fact]
    public async Task Instances_racing_for_a_new_lease_get_it_once()
    {
        var clock = LeaseTestDatabase.NewClock();
        var stores = Enumerable.Range(0, 8).Select(i => leases.Instance($"racer-{i}", clock)).ToList();

        var taken = await Task.WhenAll(stores.Select(s => Task.Run(() => s.TryAcquireAsync("race", TestContext.Current.CancellationToken), TestContext.Current.CancellationToken)));

        Assert.Single(taken, lease => lease is not null);
        foreach (var lease in taken.OfType<Lease>())
        {
            await lease.DisposeAsync();
        }
    }

    [Fact]
    public async Task Instance_whose_insert_collided_with_a_lease_released_at_that_moment_takes_the_lease()
    {
        var clock = LeaseTestDatabase.NewClock();
        var holder = await leases.Instance("holder", clock).TryAcquireAsync("startup", TestContext.Current.CancellationToken);
        var released = 0;
        var latecomer = leases.Instance("latecomer", clock, onSaveFailed: () =>
        {
            // The holder gives the lease up between the latecomer's failed insert and its look for the winner's row.
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                holder!.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        });

        await using var taken = await latecomer.TryAcquireAsync("startup", TestContext.Current.CancellationToken);

        Assert.Equal(1, released);
        Assert.NotNull(taken);
        Assert.Equal("latecomer", (await leases.HoldersAsync(clock, "startup"))["startup"]);
    }

    [Fact]
    public async Task Lease_of_a_holder_that_stopped_renewing_is_taken_over_once_it_expired()
    {
        var deadClock = LeaseTestDatabase.NewClock();
        var liveClock = LeaseTestDatabase.NewClock();
        var dead = await leases.Instance("dead", deadClock).TryAcquireAsync("job", TestContext.Current.CancellationToken);
        var successor = leases.Instance("successor", liveClock);

        liveClock.Advance(LeaseTestDatabase.Duration - TimeSpan.FromSeconds(1));
        var tooEarly = await successor.TryAcquireAsync("job", TestContext.Current.CancellationToken);
        liveClock.Advance(TimeSpan.FromSeconds(1));
        await using var takenOver = await successor.TryAcquireAsync("job", TestContext.Current.CancellationToken);

        Assert.NotNull(dead);
        Assert.Null(tooEarly);
        Assert.NotNull(takenOver);
        Assert.Equal("successor", (await leases.HoldersAsync(liveClock, "job"))["job"]);
    }

    [Fact]
    public async Task Holder_that_renews_keeps_its_lease_long_past_its_duration()
    {
        var clock = LeaseTestDatabase.NewClock();
        await using var held = await leases.Instance("a", clock).TryAcquireAsync("job", TestContext.Current.CancellationToken);
        var other = leases.Instance("b", clock);

        for (var step = 0; step < 9; step++)
        {
            var before = held!.ExpiresAt;
            clock.Advance(LeaseTestDatabase.Duration / 3);
            await Eventually.TrueAsync(() => held.ExpiresAt > before, seconds: 10);
        }

        Assert.Equal(LeaseTestDatabase.NewClock().GetUtcNow() + (3 * LeaseTestDatabase.Duration), clock.GetUtcNow());
        Assert.Null(await other.TryAcquireAsync("job", TestContext.Current.CancellationToken));
        Assert.False(held!.IsLost);
    }

    [Fact]
    public async Task Holder_whose_lease_was_taken_over_is_told_to_stop_at_its_next_renewal()
    {
        var stalledClock = LeaseTestDatabase.NewClock();
        var liveClock = LeaseTestDatabase.NewClock();
        await using var stalled = await leases.Instance("stalled", stalledClock).TryAcquireAsync("job", TestContext.Current.CancellationToken);
        liveClock.Advance(LeaseTestDatabase.Duration);
        await using var successor = await leases.Instance("successor", liveClock).TryAcquireAsync("job", TestContext.Current.CancellationToken);

        stalledClock.Advance(LeaseTestDatabase.Duration / 3);
        await Eventually.TrueAsync(() => stalled!.IsLost, seconds: 10);

        Assert.True(stalled!.Lost.IsCancellationRequested);
        Assert.NotNull(successor);
        Assert.Equal("successor", (await leases.HoldersAsync(liveClock, "job"))["job"]);
    }

    [Fact]
    public async Task Holder_that_cannot_reach_the_database_stops_before_its_lease_can_be_taken()
    {
        var clock = LeaseTestDatabase.NewClock();
        await using var held = await leases.Instance("a", clock).TryAcquireAsync("job", TestContext.Current.CancellationToken);
        leases.Database.MakeUnreachable();

        clock.Advance(LeaseTestDatabase.Duration / 3);
        await Task.Delay(2000, TestContext.Current.CancellationToken);
        var afterOneFailure = held!.IsLost;
        clock.Advance(LeaseTestDatabase.Duration / 3);
        await Eventually.TrueAsync(() => held.IsLost, seconds: 10);

        Assert.False(afterOneFailure);
        Assert.True(clock.GetUtcNow() < held.ExpiresAt, "stopped before the lease expired");
    }

    [Fact]
    public async Task Released_lease_can_be_taken_at_once()
    {
        var clock = LeaseTestDatabase.NewClock();
        var first = await leases.Instance("a", clock).TryAcquireAsync("job", TestContext.Current.CancellationToken);

        await first!.DisposeAsync();
        await using var second = await leases.Instance("b", clock).TryAcquireAsync("job", TestContext.Current.CancellationToken);

        Assert.NotNull(second);
    }

    [Fact]
    public async Task Round_done_on_one_instance_is_skipped_by_another_until_shortly_before_the_next_is_due()
    {
        var clock = LeaseTestDatabase.NewClock();
        var interval = TimeSpan.FromMinutes(15);
        var rounds = new List<string>();
        var a = leases.Instance("a", clock);
        var b = leases.Instance("b", clock);

        var ranOnA = await a.RunRoundAsync("round", interval, _ => Record(rounds, "a"), TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromMinutes(1));
        var ranOnBSoonAfter = await b.RunRoundAsync("round", interval, _ => Record(rounds, "b"), TestContext.Current.CancellationToken);
        clock.Advance((interval * 0.9) - TimeSpan.FromMinutes(1));
        var ranOnBWhenDue = await b.RunRoundAsync("round", interval, _ => Record(rounds, "b"), TestContext.Current.CancellationToken);

        Assert.Equal((true, false, true), (ranOnA, ranOnBSoonAfter, ranOnBWhenDue));
        Assert.Equal(["a", "b"], rounds);
    }

    [Fact]
    public async Task Failed_round_releases_its_lease_for_another_instance()
    {
        var clock = LeaseTestDatabase.NewClock();
        var a = leases.Instance("a", clock);
        var b = leases.Instance("b", clock);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            a.RunRoundAsync("round", TimeSpan.FromMinutes(15), _ => throw new InvalidOperationException("exchange down"), TestContext.Current.CancellationToken));
        var ranOnB = await b.RunRoundAsync("round", TimeSpan.FromMinutes(15), _ => Task.CompletedTask, TestContext.Current.CancellationToken);

        Assert.True(ranOnB);
    }

    [Fact]
    public void Instances_not_named_by_configuration_name_themselves_by_machine_process_and_a_random_suffix()
    {
        var first = new PortalInstance(Options.Create(new CoordinationOptions()));
        var second = new PortalInstance(Options.Create(new CoordinationOptions()));

        Assert.StartsWith($"{Environment.MachineName}:{Environment.ProcessId}:", first.Id, StringComparison.Ordinal);
        Assert.NotEqual(first.Id, second.Id);
    }

    private static Task Record(List<string> rounds, string instance)
    {
        rounds.Add(instance);
        return Task.CompletedTask;
    }
}

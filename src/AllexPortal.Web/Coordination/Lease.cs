using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Coordination;

/// <summary>
/// A lease this instance holds (from <see cref="LeaseStore"/>): renewed in the background at a third of its
/// duration until disposed, which releases it. Work done under it watches <see cref="Lost"/>: it is cancelled as
/// soon as a renewal finds the lease taken by another instance, or when renewals kept failing (database out of
/// reach) until so little of the lease was left that another instance could take it before the next attempt.
/// </summary>
public sealed class Lease : IAsyncDisposable
{
    private readonly LeaseStore store;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly TimeSpan duration;
    private readonly Guid etag;
    private readonly CancellationTokenSource lost = new();
    private readonly CancellationTokenSource stopRenewing = new();
    private readonly Task renewing;
    private long expiresAtTicks;
    private int released;

    internal Lease(LeaseStore store, LeaseRecord record, TimeSpan duration, TimeProvider time, ILogger logger)
    {
        this.store = store;
        this.time = time;
        this.logger = logger;
        this.duration = duration;
        Name = record.Name;
        Holder = record.Holder;
        etag = record.Etag;
        expiresAtTicks = record.ExpiresAt.UtcTicks;
        renewing = RenewLoopAsync(stopRenewing.Token);
    }

    /// <summary>The lease's name.</summary>
    public string Name { get; }

    /// <summary>This instance's holder name.</summary>
    public string Holder { get; }

    /// <summary>Until when the lease is held unless renewed.</summary>
    public DateTimeOffset ExpiresAt => new(Interlocked.Read(ref expiresAtTicks), TimeSpan.Zero);

    /// <summary>Cancelled when the lease can no longer be trusted to be this instance's; work under it must stop.</summary>
    public CancellationToken Lost => lost.Token;

    /// <summary>True once <see cref="Lost"/> was cancelled.</summary>
    public bool IsLost => lost.IsCancellationRequested;

    private TimeSpan RenewEvery => duration / 3;

    /// <summary>
    /// Stops renewing and keeps the lease until <paramref name="until"/> instead of releasing it at disposal: a
    /// scheduled round done early holds its lease until the next round is due, so another instance whose timer
    /// ticks a moment later does not run the same round again.
    /// </summary>
    /// <returns>False when the lease was no longer this instance's.</returns>
    public async Task<bool> KeepUntilAsync(DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        await StopRenewingAsync();
        if (Interlocked.Exchange(ref released, 1) == 1 || IsLost)
        {
            return false;
        }

        return await store.RenewAsync(Name, etag, until, cancellationToken);
    }

    /// <summary>Stops renewing and releases the lease (if it is still this instance's), so another instance may take it at once.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopRenewingAsync();
        if (Interlocked.Exchange(ref released, 1) == 0 && !IsLost)
        {
            try
            {
                await store.ReleaseAsync(Name, etag, CancellationToken.None);
            }
            catch (Exception failure) when (failure is DbException or DbUpdateException or InvalidOperationException)
            {
                logger.LogWarning(failure, "Lease {Lease} could not be released; it expires at {ExpiresAt}", Name, ExpiresAt);
            }
        }

        lost.Dispose();
        stopRenewing.Dispose();
    }

    private async Task StopRenewingAsync()
    {
        if (!stopRenewing.IsCancellationRequested)
        {
            await stopRenewing.CancelAsync();
        }

        await renewing;
    }

    /// <summary>Renews every <see cref="RenewEvery"/>. Each wait starts before the renewal it follows is published, so
    /// whoever sees <see cref="ExpiresAt"/> move may move the clock on at once.</summary>
    private async Task RenewLoopAsync(CancellationToken stop)
    {
        try
        {
            var wait = Task.Delay(RenewEvery, time, stop);
            while (true)
            {
                await wait;
                var (keep, renewedUntil) = await RenewOnceAsync(stop);
                if (!keep)
                {
                    await lost.CancelAsync();
                    return;
                }

                wait = Task.Delay(RenewEvery, time, stop);
                if (renewedUntil is { } until)
                {
                    Interlocked.Exchange(ref expiresAtTicks, until.UtcTicks);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposed, or kept until a time: renewing has ended.
        }
    }

    /// <returns>Keep false when the lease is lost (taken over, or about to expire with the database out of reach);
    /// the new expiry when renewed.</returns>
    private async Task<(bool Keep, DateTimeOffset? RenewedUntil)> RenewOnceAsync(CancellationToken stop)
    {
        var expiresAt = time.GetUtcNow() + duration;
        try
        {
            if (await store.RenewAsync(Name, etag, expiresAt, stop))
            {
                return (true, expiresAt);
            }

            logger.LogWarning("Lease {Lease} of {Holder} was taken over by another instance; its work stops", Name, Holder);
            return (false, null);
        }
        catch (Exception failure) when (failure is DbException or DbUpdateException or InvalidOperationException && !stop.IsCancellationRequested)
        {
            var left = ExpiresAt - time.GetUtcNow();
            if (left > RenewEvery)
            {
                logger.LogWarning(failure, "Lease {Lease} could not be renewed; tried again in {Interval}", Name, RenewEvery);
                return (true, null);
            }

            logger.LogError(failure, "Lease {Lease} could not be renewed before it expires; its work stops", Name);
            return (false, null);
        }
    }
}

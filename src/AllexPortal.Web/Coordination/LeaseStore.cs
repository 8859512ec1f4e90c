using System.Data.Common;
using AllexPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Coordination;

/// <summary>
/// Named leases in the portal's own database, so background work (scheduled syncs, snapshots, report jobs) runs on
/// one instance at a time however many share the database. One mechanism for SQLite and PostgreSQL: a conditional
/// UPDATE takes an expired lease, an INSERT on the primary key takes a new one, and the database's own row locking
/// decides any race. A holder renews at a third of the lease's duration; a holder that dies stops renewing and any
/// instance takes the lease after it expired; a holder that finds its lease gone cancels <see cref="Lease.Lost"/>.
/// </summary>
/// <remarks>
/// Expiry is compared with each instance's own clock (<see cref="TimeProvider"/>), so instances must keep their
/// clocks in step (NTP); the default duration of 30 s dwarfs ordinary skew. PostgreSQL advisory locks were not
/// used: they belong to a database session, which pooled connections do not keep, and SQLite has none, so the
/// table would be needed anyway.
/// </remarks>
public sealed class LeaseStore(
    IDbContextFactory<PortalDb> databases,
    PortalInstance instance,
    TimeProvider time,
    IOptions<CoordinationOptions> options,
    ILogger<LeaseStore> logger)
{
    /// <summary>How often one acquisition tries again when the lease it collided with was released at once.</summary>
    private const int MaxAttempts = 3;

    private enum InsertOutcome
    {
        Inserted,
        Held,
        ReleasedMeanwhile,
    }

    /// <summary>This instance's holder name.</summary>
    public string InstanceId => instance.Id;

    /// <summary>The configured lease duration.</summary>
    public TimeSpan DefaultDuration => options.Value.LeaseDuration;

    /// <summary>Takes the lease <paramref name="name"/> for the configured duration, or returns null when another
    /// holder's lease has not expired yet. The caller disposes the lease to release it.</summary>
    public Task<Lease?> TryAcquireAsync(string name, CancellationToken cancellationToken = default) =>
        TryAcquireAsync(name, options.Value.LeaseDuration, cancellationToken);

    /// <summary>Takes the lease <paramref name="name"/> for <paramref name="duration"/> (renewed at a third of it
    /// until disposed), or returns null when it is held elsewhere.</summary>
    public async Task<Lease?> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(name.Length, LeaseRecordConfiguration.NameLength, nameof(name));
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.FromMilliseconds(100), nameof(duration));

        var now = time.GetUtcNow();
        var record = new LeaseRecord { Name = name, Holder = instance.Id, Etag = Guid.NewGuid(), AcquiredAt = now, ExpiresAt = now + duration };
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var taken = await db.Set<LeaseRecord>()
                .Where(l => l.Name == name && l.ExpiresAt <= now)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(l => l.Holder, record.Holder)
                        .SetProperty(l => l.Etag, record.Etag)
                        .SetProperty(l => l.AcquiredAt, record.AcquiredAt)
                        .SetProperty(l => l.ExpiresAt, record.ExpiresAt),
                    cancellationToken);
            var outcome = taken == 1 ? InsertOutcome.Inserted : await TryInsertAsync(db, record, lastAttempt: attempt == MaxAttempts, cancellationToken);
            if (outcome == InsertOutcome.Held)
            {
                return null;
            }

            if (outcome == InsertOutcome.Inserted)
            {
                logger.LogDebug("Lease {Lease} taken by {Holder} until {ExpiresAt}", name, record.Holder, record.ExpiresAt);
                return new Lease(this, record, duration, time, logger);
            }
        }
    }

    /// <summary>Waits (retrying every <see cref="CoordinationOptions.RetryInterval"/>) until this instance holds the lease.</summary>
    public async Task<Lease> AcquireAsync(string name, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (await TryAcquireAsync(name, cancellationToken) is { } lease)
            {
                return lease;
            }

            await Task.Delay(options.Value.RetryInterval, time, cancellationToken);
        }
    }

    /// <summary>
    /// Runs one round of scheduled work (every connection's sync, every snapshot) on one instance: the round runs
    /// under the lease <paramref name="name"/>, cancelled if the lease is lost, and the lease is then kept until shortly
    /// before the next round is due, so an instance whose timer ticks a moment later skips the round instead of
    /// repeating it. A round that fails releases the lease, so another instance may try it at its next tick.
    /// </summary>
    /// <returns>False when another instance runs (or just ran) the round.</returns>
    public async Task<bool> RunRoundAsync(string name, TimeSpan interval, Func<CancellationToken, Task> round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var startedAt = time.GetUtcNow();
        await using var lease = await TryAcquireAsync(name, cancellationToken);
        if (lease is null)
        {
            logger.LogDebug("Round {Lease} skipped: another instance holds it", name);
            return false;
        }

        using (var work = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost))
        {
            await round(work.Token);
        }

        var nextDue = startedAt + (interval * 0.9);
        if (nextDue > time.GetUtcNow() + TimeSpan.FromSeconds(1))
        {
            await lease.KeepUntilAsync(nextDue, cancellationToken);
        }

        return true;
    }

    /// <summary>The unexpired leases among <paramref name="names"/>, by name, with their holders.</summary>
    public async Task<IReadOnlyDictionary<string, string>> HoldersAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<LeaseRecord>().AsNoTracking()
            .Where(l => names.Contains(l.Name) && l.ExpiresAt > now)
            .ToDictionaryAsync(l => l.Name, l => l.Holder, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>Extends the lease if it is still this tenure's; false when it expired and was taken over.</summary>
    internal async Task<bool> RenewAsync(string name, Guid etag, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<LeaseRecord>()
            .Where(l => l.Name == name && l.Etag == etag)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.ExpiresAt, expiresAt), cancellationToken) == 1;
    }

    /// <summary>Gives the lease up now, if it is still this tenure's.</summary>
    internal async Task ReleaseAsync(string name, Guid etag, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Set<LeaseRecord>().Where(l => l.Name == name && l.Etag == etag).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// A lease not in the table: the primary key lets exactly one of several racing instances insert it. The insert
    /// that lost the race finds the winner's row, unless the winner already released it (a short start-up lease is
    /// held for milliseconds); then the acquisition is tried again rather than reported as a failure.
    /// </summary>
    private static async Task<InsertOutcome> TryInsertAsync(PortalDb db, LeaseRecord record, bool lastAttempt, CancellationToken cancellationToken)
    {
        db.Set<LeaseRecord>().Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return InsertOutcome.Inserted;
        }
        catch (DbUpdateException conflict) when (conflict.InnerException is DbException)
        {
            db.ChangeTracker.Clear();
            if (await db.Set<LeaseRecord>().AsNoTracking().AnyAsync(l => l.Name == record.Name, cancellationToken))
            {
                return InsertOutcome.Held;
            }

            if (lastAttempt)
            {
                throw;
            }

            return InsertOutcome.ReleasedMeanwhile;
        }
    }
}

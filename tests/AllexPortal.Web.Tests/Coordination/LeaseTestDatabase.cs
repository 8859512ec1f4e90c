using AllexPortal.Web.Coordination;
using AllexPortal.Web.Data;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AllexPortal.Web.Tests.Coordination;

/// <summary>
/// A migrated database of its own (SQLite, or PostgreSQL in the PostgreSQL run) and lease stores on it, each standing for one portal instance with its
/// own clock: a store whose clock is never advanced is a holder that hangs or died (it never renews).
/// </summary>
public sealed class LeaseTestDatabase : IAsyncLifetime
{
    /// <summary>The lease duration of every store here; renewals come at a third of it.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    public TemporaryDatabase Database { get; } = new();

    public async ValueTask InitializeAsync() => await Database.MigrateAsync(TestContext.Current.CancellationToken);

    /// <summary>The clock every instance starts from.</summary>
    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    /// <summary>A lease store of an instance called <paramref name="instanceId"/> on <paramref name="clock"/>.</summary>
    /// <param name="onSaveFailed">Runs whenever one of the store's contexts fails to save, before the store sees the failure.</param>
    public LeaseStore Instance(string instanceId, TimeProvider clock, Action? onSaveFailed = null) =>
        new(new Databases(Database, onSaveFailed), new PortalInstance(Options.Create(new CoordinationOptions { InstanceId = instanceId })), clock,
            Options.Create(new CoordinationOptions { InstanceId = instanceId, LeaseDuration = Duration, RetryInterval = TimeSpan.FromMilliseconds(50) }),
            NullLogger<LeaseStore>.Instance);

    /// <summary>The holders of the unexpired leases, as a third instance on <paramref name="clock"/> sees them.</summary>
    public Task<IReadOnlyDictionary<string, string>> HoldersAsync(TimeProvider clock, params string[] names) =>
        Instance("observer", clock).HoldersAsync(names, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        Database.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Contexts of the run's provider (SQLite, or PostgreSQL in the PostgreSQL run).</summary>
    private sealed class Databases(TemporaryDatabase database, Action? onSaveFailed) : IDbContextFactory<PortalDb>
    {
        public PortalDb CreateDbContext()
        {
            var db = database.CreateDbContext();
            if (onSaveFailed is not null)
            {
                db.SaveChangesFailed += (_, _) => onSaveFailed();
            }

            return db;
        }
    }
}

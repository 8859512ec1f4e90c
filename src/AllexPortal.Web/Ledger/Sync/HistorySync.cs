using AllexPortal.Exchange.Paging;
using AllexPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Ledger.Sync;

/// <summary>
/// The sync of one history of one connection, the part all four kinds share: read the window from
/// <c>cursor - overlap</c> (everything on the first run) page by page in ascending time, and commit each page's
/// upserts together with the advanced cursor in one transaction. A run stopped anywhere leaves the ledger at a page
/// boundary whose cursor is the newest time committed; everything older is in, so the next window misses nothing,
/// and rows read twice are upserted by key, so nothing is doubled.
/// </summary>
/// <typeparam name="TWire">The exchange's row type.</typeparam>
internal abstract class HistorySync<TWire>(HistorySyncContext context) : ILedgerHistorySync
{
    private int pages;
    private long rowsRead;
    private long inserted;
    private long updated;

    public abstract LedgerKind Kind { get; }

    public Guid ConnectionId => Context.ConnectionId;

    protected HistorySyncContext Context { get; } = context;

    /// <summary>One page of the window, oldest first, from <paramref name="from"/> (everything when null).</summary>
    protected abstract Task<Paged<TWire>> FetchAsync(DateTimeOffset? from, int page, int limit, CancellationToken cancellationToken);

    /// <summary>The time the cursor follows (a fill's timestamp, an order's or transfer's creation).</summary>
    protected abstract DateTimeOffset TimeOf(TWire row);

    /// <summary>Inserts the rows not yet in the ledger and updates those that changed, leaving the rest untouched.</summary>
    protected abstract Task<(int Inserted, int Updated)> UpsertAsync(PortalDb db, IReadOnlyList<TWire> rows, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Where this run's window starts: <c>cursor - overlap</c>, or null (all history) before the first page landed.</summary>
    protected virtual Task<DateTimeOffset?> WindowStartAsync(PortalDb db, LedgerSyncState state, CancellationToken cancellationToken) =>
        Task.FromResult(state.Cursor - Context.Options.Overlap);

    /// <summary>Re-reads rows outside the window that may still change (open orders); nothing by default.</summary>
    protected virtual Task ReadUnsettledAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task<LedgerKindSyncResult> RunAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset? from;
        await using (var db = await Context.Databases.CreateDbContextAsync(cancellationToken))
        {
            var state = await StateAsync(db, cancellationToken);
            state.LastAttemptAt = Context.Now();
            from = await WindowStartAsync(db, state, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        Context.Report(Kind, 0, 0, null);
        var pageReader = HistoryPageReader.ReadAsync<TWire>((page, limit, ct) => FetchAsync(from, page, limit, ct), Context.Options.PageSize, cancellationToken);
        await foreach (var page in pageReader)
        {
            await CommitAsync(page.Rows, advanceCursor: true, cancellationToken);
            Context.Report(Kind, pages, rowsRead, page.Total);
        }

        await ReadUnsettledAsync(cancellationToken);
        await using (var db = await Context.Databases.CreateDbContextAsync(cancellationToken))
        {
            var state = await StateAsync(db, cancellationToken);
            state.Complete = true;
            state.LastSuccessAt = Context.Now();
            state.LastError = null;
            state.LastErrorAt = null;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new LedgerKindSyncResult(Kind, pages, rowsRead, inserted, updated, null);
    }

    /// <inheritdoc />
    public LedgerKindSyncResult Stopped(string error) => new(Kind, pages, rowsRead, inserted, updated, error);

    /// <summary>Upserts one page and, for window pages, moves the cursor to its newest row, in one transaction.</summary>
    protected async Task CommitAsync(IReadOnlyList<TWire> rows, bool advanceCursor, CancellationToken cancellationToken)
    {
        pages++;
        rowsRead += rows.Count;
        if (rows.Count == 0)
        {
            return;
        }

        await using var db = await Context.Databases.CreateDbContextAsync(cancellationToken);
        var state = await StateAsync(db, cancellationToken);
        var now = Context.Now();
        var (added, changed) = await UpsertAsync(db, rows, now, cancellationToken);
        if (advanceCursor && rows.Max(TimeOf) is var newest && (state.Cursor is null || newest > state.Cursor))
        {
            state.Cursor = newest;
        }

        if (added + changed > 0)
        {
            state.RowCount += added;
            state.LastChangeAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        inserted += added;
        updated += changed;
    }

    /// <inheritdoc />
    public Task RecordFailureAsync(string error, CancellationToken cancellationToken) =>
        SyncFailureRecord.WriteAsync(Context.Databases, Context.ConnectionId, Kind, error, Context.Now(), cancellationToken);

    /// <summary>Copies <paramref name="fresh"/> onto <paramref name="existing"/> through EF, which marks only the
    /// properties whose values differ; returns true (and stamps <c>SyncedAt</c>) only when one did.</summary>
    protected static bool Refresh<TRow>(PortalDb db, TRow existing, TRow fresh, Action<TRow> stampSynced)
        where TRow : class
    {
        var entry = db.Entry(existing);
        entry.CurrentValues.SetValues(fresh);
        if (entry.State != EntityState.Modified)
        {
            return false;
        }

        stampSynced(existing);
        return true;
    }

    private async Task<LedgerSyncState> StateAsync(PortalDb db, CancellationToken cancellationToken)
    {
        var state = await db.LedgerSyncStates.SingleOrDefaultAsync(s => s.ConnectionId == Context.ConnectionId && s.Kind == Kind, cancellationToken);
        if (state is null)
        {
            state = new LedgerSyncState { ConnectionId = Context.ConnectionId, Kind = Kind };
            db.LedgerSyncStates.Add(state);
        }

        return state;
    }
}

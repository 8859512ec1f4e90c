using System.Globalization;
using System.Linq.Expressions;
using AllexPortal.Exchange.Account;
using AllexPortal.Web.Access;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace AllexPortal.Web.History;

/// <summary>
/// Reads the local ledger for the history grids and their CSV exports. Every method takes the acting user and
/// reads only connections of the query's workspace (<see cref="HistoryQuery.Workspace"/>) that the user may see
/// there (<see cref="ScopeAsync(string, HistoryQuery, PortalPermission, CancellationToken)"/>, checked by
/// <see cref="PortalAccess"/>); an id from the browser that is not theirs fails exactly like a missing one.
/// </summary>
/// <remarks>
/// Pages in the default time order run on the (connection, time, id) indexes; with <see cref="HistoryQuery.After"/>
/// they seek instead of skipping. Totals are exact decimal sums (SQLite keeps decimals as text, so EF sums them in
/// .NET) and are cached per filter until the ledger changes (a new row, or a sync's <c>LastChangeAt</c>), because
/// over a large ledger they cost far more than a page.
/// </remarks>
public sealed class HistoryService(IDbContextFactory<PortalDb> databases, PortalAccess access, IMemoryCache cache)
{
    /// <summary>Rows between two page anchors: the most a page jumped to by number walks past after its seek.</summary>
    internal const int AnchorStride = 1000;

    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(10);

    /// <summary>A page of fills with their amounts: the role must hold <see cref="PortalPermission.ViewAmounts"/>
    /// (<see cref="Amounts.HistoryWithoutAmounts"/> serves the others).</summary>
    /// <exception cref="ConnectionNotFoundException">A connection id the user does not own.</exception>
    /// <exception cref="AccessDeniedException">A role without amounts.</exception>
    /// <exception cref="HistoryQueryException">An unknown sort column, status or cursor, or from after to.</exception>
    public Task<HistoryPage<LedgerTrade>> TradesAsync(string userId, HistoryQuery query, CancellationToken cancellationToken = default) =>
        TradesAsync(userId, query, PortalPermission.ViewAmounts, cancellationToken);

    /// <summary>A page of fills for a holder of <paramref name="permission"/>; only <see cref="Amounts.HistoryWithoutAmounts"/>
    /// asks with <see cref="PortalPermission.View"/>, and strips the amounts before returning.</summary>
    internal async Task<HistoryPage<LedgerTrade>> TradesAsync(string userId, HistoryQuery query, PortalPermission permission, CancellationToken cancellationToken)
    {
        var q = Checked(query, HistoryColumns.Trades);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var scope = await ScopeAsync(db, userId, q, permission, cancellationToken);
        var filtered = FilterTrades(db.LedgerTrades.AsNoTracking(), scope, q);
        return await PageOfAsync(db, LedgerKind.Trades, scope, q, filtered, (rows, p) => SortTrades(rows, p, withCursor: true),
            t => new HistoryCursor(t.Timestamp, t.Id), () => TradeTotalsAsync(filtered, cancellationToken),
            () => AnchorsAsync(filtered.OrderByDescending(t => t.Timestamp).ThenByDescending(t => t.Id).Select(t => new HistoryCursor(t.Timestamp, t.Id)), cancellationToken),
            cancellationToken);
    }

    /// <summary>A page of orders with their amounts: the role must hold <see cref="PortalPermission.ViewAmounts"/>.</summary>
    /// <exception cref="ConnectionNotFoundException">A connection id the user does not own.</exception>
    /// <exception cref="AccessDeniedException">A role without amounts.</exception>
    /// <exception cref="HistoryQueryException">An unknown sort column, status or cursor, or from after to.</exception>
    public Task<HistoryPage<LedgerOrder>> OrdersAsync(string userId, HistoryQuery query, CancellationToken cancellationToken = default) =>
        OrdersAsync(userId, query, PortalPermission.ViewAmounts, cancellationToken);

    /// <summary>A page of orders for a holder of <paramref name="permission"/> (see the fills' overload).</summary>
    internal async Task<HistoryPage<LedgerOrder>> OrdersAsync(string userId, HistoryQuery query, PortalPermission permission, CancellationToken cancellationToken)
    {
        var q = Checked(query, HistoryColumns.Orders);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var scope = await ScopeAsync(db, userId, q, permission, cancellationToken);
        var filtered = FilterOrders(db.LedgerOrders.AsNoTracking(), scope, q);
        return await PageOfAsync(db, LedgerKind.Orders, scope, q, filtered, (rows, p) => SortOrders(rows, p, withCursor: true),
            o => new HistoryCursor(o.CreatedAt, o.Id), () => OrderTotalsAsync(filtered, cancellationToken),
            () => AnchorsAsync(filtered.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Select(o => new HistoryCursor(o.CreatedAt, o.Id)), cancellationToken),
            cancellationToken);
    }

    /// <summary>A page of deposits or withdrawals with their amounts: the role must hold <see cref="PortalPermission.ViewAmounts"/>.</summary>
    /// <exception cref="ConnectionNotFoundException">A connection id the user does not own.</exception>
    /// <exception cref="AccessDeniedException">A role without amounts.</exception>
    /// <exception cref="HistoryQueryException">An unknown sort column, status or cursor, or from after to.</exception>
    public Task<HistoryPage<LedgerTransfer>> TransfersAsync(
        string userId, TransferDirection direction, HistoryQuery query, CancellationToken cancellationToken = default) =>
        TransfersAsync(userId, direction, query, PortalPermission.ViewAmounts, cancellationToken);

    /// <summary>A page of deposits or withdrawals for a holder of <paramref name="permission"/> (see the fills' overload).</summary>
    internal async Task<HistoryPage<LedgerTransfer>> TransfersAsync(
        string userId, TransferDirection direction, HistoryQuery query, PortalPermission permission, CancellationToken cancellationToken)
    {
        var q = Checked(query, HistoryColumns.Transfers);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var scope = await ScopeAsync(db, userId, q, permission, cancellationToken);
        var filtered = FilterTransfers(db.LedgerTransfers.AsNoTracking(), scope, direction, q);
        var kind = direction == TransferDirection.Deposit ? LedgerKind.Deposits : LedgerKind.Withdrawals;
        return await PageOfAsync(db, kind, scope, q, filtered, (rows, p) => SortTransfers(rows, p, withCursor: true),
            t => new HistoryCursor(t.CreatedAt, t.Id), () => TransferTotalsAsync(filtered, cancellationToken),
            () => AnchorsAsync(filtered.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Select(t => new HistoryCursor(t.CreatedAt, t.Id)), cancellationToken),
            cancellationToken);
    }

    /// <summary>What the filter pickers of one history offer, from the rows the user's personal connections hold.</summary>
    public Task<HistoryFacets> FacetsAsync(string userId, LedgerKind kind, CancellationToken cancellationToken = default) =>
        FacetsAsync(userId, null, kind, cancellationToken);

    /// <summary>What the filter pickers of one history offer, from the rows the connections of <paramref name="workspaceId"/> hold.</summary>
    /// <exception cref="AccessDeniedException">Not a member of that workspace.</exception>
    public async Task<HistoryFacets> FacetsAsync(string userId, Guid? workspaceId, LedgerKind kind, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var scope = await ScopeAsync(db, userId, new HistoryQuery { Workspace = workspaceId }, PortalPermission.View, cancellationToken);
        var ids = scope.Connections;
        List<string> symbols;
        List<string> statuses;
        switch (kind)
        {
            case LedgerKind.Trades:
                symbols = await db.LedgerTrades.Where(t => ids.Contains(t.ConnectionId)).Select(t => t.Symbol).Distinct().ToListAsync(cancellationToken);
                statuses = [];
                break;
            case LedgerKind.Orders:
                symbols = await db.LedgerOrders.Where(o => ids.Contains(o.ConnectionId)).Select(o => o.Symbol).Distinct().ToListAsync(cancellationToken);
                statuses = await db.LedgerOrders.Where(o => ids.Contains(o.ConnectionId)).Select(o => o.Status).Distinct().ToListAsync(cancellationToken);
                break;
            default:
                var direction = kind == LedgerKind.Deposits ? TransferDirection.Deposit : TransferDirection.Withdrawal;
                var transfers = db.LedgerTransfers.Where(t => ids.Contains(t.ConnectionId) && t.Direction == direction);
                symbols = await transfers.Select(t => t.Currency).Distinct().ToListAsync(cancellationToken);
                var states = await transfers.Select(t => t.State).Distinct().ToListAsync(cancellationToken);
                statuses = [.. states.Select(s => s.ToString().ToLowerInvariant())];
                break;
        }
        var coins = kind is LedgerKind.Trades or LedgerKind.Orders
            ? symbols.SelectMany(s => s.Split('-', StringSplitOptions.RemoveEmptyEntries)).Distinct().Order(StringComparer.Ordinal).ToList()
            : [];
        return new HistoryFacets([.. symbols.Order(StringComparer.Ordinal)], coins, [.. statuses.Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The connections a request may read: those in <paramref name="query"/> if it names any (each checked), else
    /// all those of the query's workspace the user may see.
    /// </summary>
    /// <exception cref="ConnectionNotFoundException">A connection id not in the query's workspace or not shared with the user.</exception>
    /// <exception cref="AccessDeniedException">Not a member of the query's workspace.</exception>
    public Task<HistoryScope> ScopeAsync(string userId, HistoryQuery query, CancellationToken cancellationToken = default) =>
        ScopeAsync(userId, query, PortalPermission.View, cancellationToken);

    /// <summary>
    /// The connections a request may read when the user holds <paramref name="permission"/> in the query's workspace
    /// (<see cref="PortalPermission.Export"/> for a CSV export): those in <paramref name="query"/> if it names any
    /// (each checked), else all those of the workspace.
    /// </summary>
    /// <exception cref="ConnectionNotFoundException">A connection id not in the query's workspace or not shared with the user.</exception>
    /// <exception cref="AccessDeniedException">Not a member of the query's workspace, or the role lacks <paramref name="permission"/>.</exception>
    public async Task<HistoryScope> ScopeAsync(string userId, HistoryQuery query, PortalPermission permission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await ScopeAsync(db, userId, query.Normalised(), permission, cancellationToken);
    }

    /// <summary>Every fill the filter selects, in the query's order, streamed from the database (no paging).</summary>
    /// <exception cref="HistoryQueryException">An unknown sort column or status, or from after to.</exception>
    public IAsyncEnumerable<LedgerTrade> StreamTradesAsync(HistoryScope scope, HistoryQuery query, CancellationToken cancellationToken = default)
    {
        var q = Checked(query, HistoryColumns.Trades);
        return StreamAsync(db => SortTrades(FilterTrades(db.LedgerTrades.AsNoTracking(), scope, q), q, withCursor: false), cancellationToken);
    }

    /// <summary>
    /// Writes every fill the filter selects as CSV (see <see cref="HistoryCsv.TradeColumns"/>); returns the rows written.
    /// On SQLite the SQL EF Core builds for the same filter runs on SQLite's statement API (<see cref="SqliteRows"/>):
    /// text cells are copied from SQLite's UTF-8 without becoming strings, and the decimals, stored as invariant text,
    /// are copied instead of parsed and printed again (docs/benchmarks.md).
    /// </summary>
    /// <exception cref="HistoryQueryException">An unknown sort column, or from after to.</exception>
    public async Task<long> ExportTradesCsvAsync(HistoryScope scope, HistoryQuery query, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var q = Checked(query, HistoryColumns.Trades);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsSqlite())
        {
            return await HistoryCsv.WriteTradesAsync(StreamTradesAsync(scope, q, cancellationToken), scope, output, cancellationToken);
        }
        var sorted = SortTrades(FilterTrades(db.LedgerTrades.AsNoTracking(), scope, q), q, withCursor: false);
        // With one connection in scope its label is fixed: the column is not read at all.
        IQueryable<object> columns = scope.Connections.Count == 1
            ? sorted.Select(t => new { t.Timestamp, t.Symbol, t.Side, t.Size, t.Price, t.QuoteAmount, t.Fee, t.FeeCoin, t.OrderId, t.Key })
            : sorted.Select(t => new { t.Timestamp, t.ConnectionId, t.Symbol, t.Side, t.Size, t.Price, t.QuoteAmount, t.Fee, t.FeeCoin, t.OrderId, t.Key });
        await using var command = columns.CreateDbCommand();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            using var rows = SqliteRows.Start(command, cancellationToken);
            return await HistoryCsv.WriteStoredTradesAsync(rows, scope, output, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Every order the filter selects, in the query's order, streamed from the database (no paging).</summary>
    /// <exception cref="HistoryQueryException">An unknown sort column or status, or from after to.</exception>
    public IAsyncEnumerable<LedgerOrder> StreamOrdersAsync(HistoryScope scope, HistoryQuery query, CancellationToken cancellationToken = default)
    {
        var q = Checked(query, HistoryColumns.Orders);
        return StreamAsync(db => SortOrders(FilterOrders(db.LedgerOrders.AsNoTracking(), scope, q), q, withCursor: false), cancellationToken);
    }

    /// <summary>Every deposit or withdrawal the filter selects, in the query's order, streamed (no paging).</summary>
    /// <exception cref="HistoryQueryException">An unknown sort column or status, or from after to.</exception>
    public IAsyncEnumerable<LedgerTransfer> StreamTransfersAsync(
        HistoryScope scope, TransferDirection direction, HistoryQuery query, CancellationToken cancellationToken = default)
    {
        var q = Checked(query, HistoryColumns.Transfers);
        return StreamAsync(db => SortTransfers(FilterTransfers(db.LedgerTransfers.AsNoTracking(), scope, direction, q), q, withCursor: false), cancellationToken);
    }

    private async IAsyncEnumerable<T> StreamAsync<T>(
        Func<PortalDb, IQueryable<T>> rows, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await foreach (var row in rows(db).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    private static HistoryQuery Checked(HistoryQuery query, HistoryColumns columns)
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = query.Normalised();
        return q.Validate(columns) is { } error ? throw new HistoryQueryException(error) : q;
    }

    private async Task<HistoryScope> ScopeAsync(
        PortalDb db, string userId, HistoryQuery query, PortalPermission permission, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await access.DemandWorkspaceAsync(userId, query.Workspace, permission, cancellationToken);
        var visible = await access.ConnectionsAsync(userId, query.Workspace, permission, cancellationToken);
        var owned = await db.Connections.AsNoTracking()
            .Where(c => visible.Contains(c.Id))
            .Select(c => new { c.Id, c.Label })
            .ToDictionaryAsync(c => c.Id, c => c.Label, cancellationToken);
        if (query.Connections.Count == 0)
        {
            return new HistoryScope(owned);
        }
        foreach (var id in query.Connections)
        {
            if (!owned.ContainsKey(id))
            {
                // Logged and audited when the id is not shared with the user at all; one of theirs from another
                // workspace is simply not in this one.
                await access.DemandConnectionAsync(userId, id, permission, cancellationToken);
                throw new ConnectionNotFoundException(id);
            }
        }
        return new HistoryScope(query.Connections.Distinct().ToDictionary(id => id, id => owned[id]));
    }

    internal static IQueryable<LedgerTrade> FilterTrades(IQueryable<LedgerTrade> rows, HistoryScope scope, HistoryQuery q)
    {
        var ids = scope.Connections;
        var only = ids.Count == 1 ? ids[0] : Guid.Empty;
        // One connection (the usual case) compares with a single value so SQLite walks the (connection, time, id)
        // index in order; several become an IN list.
        rows = ids.Count == 1 ? rows.Where(t => t.ConnectionId == only) : rows.Where(t => ids.Contains(t.ConnectionId));
        if (q.Symbol is { } symbol)
        {
            rows = symbol.Contains('-', StringComparison.Ordinal)
                ? rows.Where(t => t.Symbol == symbol)
                : rows.Where(t => t.BaseCurrency == symbol || t.QuoteCurrency == symbol);
        }
        if (q.Side is { } side)
        {
            rows = rows.Where(t => t.Side == side);
        }
        if (q.From is { } from)
        {
            rows = rows.Where(t => t.Timestamp >= from);
        }
        if (q.To is { } to)
        {
            rows = rows.Where(t => t.Timestamp < to);
        }
        if (q.Search is { } search)
        {
            // Fills are searched by the start of their key or order id (ids are pasted whole or in part from the
            // left): two index range seeks, where a substring match read every row of a million-fill ledger.
            var end = search + char.MaxValue;
            rows = rows.Where(t => (string.Compare(t.Key, search) >= 0 && string.Compare(t.Key, end) < 0)
                || (string.Compare(t.OrderId, search) >= 0 && string.Compare(t.OrderId, end) < 0));
        }
        return rows;
    }

    internal static IQueryable<LedgerOrder> FilterOrders(IQueryable<LedgerOrder> rows, HistoryScope scope, HistoryQuery q)
    {
        var ids = scope.Connections;
        var only = ids.Count == 1 ? ids[0] : Guid.Empty;
        rows = ids.Count == 1 ? rows.Where(o => o.ConnectionId == only) : rows.Where(o => ids.Contains(o.ConnectionId));
        if (q.Symbol is { } symbol)
        {
            rows = symbol.Contains('-', StringComparison.Ordinal)
                ? rows.Where(o => o.Symbol == symbol)
                : rows.Where(o => o.BaseCurrency == symbol || o.QuoteCurrency == symbol);
        }
        if (q.Side is { } side)
        {
            rows = rows.Where(o => o.Side == side);
        }
        if (q.Status is { } status)
        {
            rows = status == OrderStatuses.Open ? rows.Where(o => o.IsOpen) : rows.Where(o => o.Status == status);
        }
        if (q.From is { } from)
        {
            rows = rows.Where(o => o.CreatedAt >= from);
        }
        if (q.To is { } to)
        {
            rows = rows.Where(o => o.CreatedAt < to);
        }
        if (q.Search is { } search)
        {
            // The start of the exchange's order id, as fills are searched: one range seek on (connection, id).
            var end = search + char.MaxValue;
            rows = rows.Where(o => string.Compare(o.ExchangeId, search) >= 0 && string.Compare(o.ExchangeId, end) < 0);
        }
        return rows;
    }

    internal static IQueryable<LedgerTransfer> FilterTransfers(IQueryable<LedgerTransfer> rows, HistoryScope scope, TransferDirection direction, HistoryQuery q)
    {
        var ids = scope.Connections;
        var only = ids.Count == 1 ? ids[0] : Guid.Empty;
        rows = ids.Count == 1 ? rows.Where(t => t.ConnectionId == only) : rows.Where(t => ids.Contains(t.ConnectionId));
        rows = rows.Where(t => t.Direction == direction);
        if (q.Symbol is { } currency)
        {
            rows = rows.Where(t => t.Currency == currency);
        }
        if (q.Status is { } status)
        {
            var state = Enum.Parse<TransactionState>(status, ignoreCase: true);
            rows = rows.Where(t => t.State == state);
        }
        if (q.From is { } from)
        {
            rows = rows.Where(t => t.CreatedAt >= from);
        }
        if (q.To is { } to)
        {
            rows = rows.Where(t => t.CreatedAt < to);
        }
        if (q.Search is { } search)
        {
            // The exchange's id exactly, or the start of the transaction id or address: each an index seek.
            var end = search + char.MaxValue;
            long? number = long.TryParse(search, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
            rows = rows.Where(t => t.ExchangeId == number
                || (string.Compare(t.TransactionId, search) >= 0 && string.Compare(t.TransactionId, end) < 0)
                || (string.Compare(t.Address, search) >= 0 && string.Compare(t.Address, end) < 0));
        }
        return rows;
    }

    internal static IQueryable<LedgerTrade> SortTrades(IQueryable<LedgerTrade> rows, HistoryQuery q, bool withCursor)
    {
        var d = q.Descending;
        return q.SortColumn switch
        {
            "symbol" => Then(By(rows, t => t.Symbol, d), t => t.Timestamp, t => t.Id, d),
            "side" => Then(By(rows, t => t.Side, d), t => t.Timestamp, t => t.Id, d),
            "size" => Then(By(rows, t => t.Size, d), t => t.Timestamp, t => t.Id, d),
            "price" => Then(By(rows, t => t.Price, d), t => t.Timestamp, t => t.Id, d),
            // The double shadow, then time and id: exactly the index (connection, amount order, time, id), so a page is
            // a walk along it with no sort step whatever the LIMIT (EF sends it as a parameter, so SQLite plans without
            // knowing it; an exact decimal tie-break made it sort all rows). Amounts that agree in their first 15
            // significant digits (one double) therefore order by time.
            "amount" => Then(By(rows, t => t.QuoteAmountOrder, d), t => t.Timestamp, t => t.Id, d),
            "fee" => Then(By(rows, t => t.Fee, d), t => t.Timestamp, t => t.Id, d),
            _ => ByTime(withCursor ? After(rows, q) : rows, t => t.Timestamp, t => t.Id, d),
        };
    }

    internal static IQueryable<LedgerOrder> SortOrders(IQueryable<LedgerOrder> rows, HistoryQuery q, bool withCursor)
    {
        var d = q.Descending;
        return q.SortColumn switch
        {
            "symbol" => Then(By(rows, o => o.Symbol, d), o => o.CreatedAt, o => o.Id, d),
            "side" => Then(By(rows, o => o.Side, d), o => o.CreatedAt, o => o.Id, d),
            "type" => Then(By(rows, o => o.Type, d), o => o.CreatedAt, o => o.Id, d),
            "size" => Then(By(rows, o => o.Size, d), o => o.CreatedAt, o => o.Id, d),
            // Market orders have no price. "Has a price" first puts them first ascending and last descending on every
            // engine (SQLite's own NULL order; PostgreSQL would put NULL last ascending).
            "price" => Then(Next(By(rows, o => o.Price != null, d), o => o.Price, d), o => o.CreatedAt, o => o.Id, d),
            "filled" => Then(By(rows, o => o.Filled, d), o => o.CreatedAt, o => o.Id, d),
            "status" => Then(By(rows, o => o.Status, d), o => o.CreatedAt, o => o.Id, d),
            _ => ByTime(withCursor ? After(rows, q) : rows, o => o.CreatedAt, o => o.Id, d),
        };
    }

    internal static IQueryable<LedgerTransfer> SortTransfers(IQueryable<LedgerTransfer> rows, HistoryQuery q, bool withCursor)
    {
        var d = q.Descending;
        return q.SortColumn switch
        {
            "currency" => Then(By(rows, t => t.Currency, d), t => t.CreatedAt, t => t.Id, d),
            "amount" => Then(By(rows, t => t.Amount, d), t => t.CreatedAt, t => t.Id, d),
            "fee" => Then(By(rows, t => t.Fee, d), t => t.CreatedAt, t => t.Id, d),
            "status" => Then(By(rows, t => t.State, d), t => t.CreatedAt, t => t.Id, d),
            _ => ByTime(withCursor ? After(rows, q) : rows, t => t.CreatedAt, t => t.Id, d),
        };
    }

    private static IOrderedQueryable<T> By<T, TKey>(IQueryable<T> rows, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? rows.OrderByDescending(key) : rows.OrderBy(key);

    private static IOrderedQueryable<T> Next<T, TKey>(IOrderedQueryable<T> rows, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? rows.ThenByDescending(key) : rows.ThenBy(key);

    private static IOrderedQueryable<T> Then<T>(
        IOrderedQueryable<T> rows, Expression<Func<T, DateTimeOffset>> time, Expression<Func<T, long>> id, bool descending) =>
        descending ? rows.ThenByDescending(time).ThenByDescending(id) : rows.ThenBy(time).ThenBy(id);

    private static IOrderedQueryable<T> ByTime<T>(
        IQueryable<T> rows, Expression<Func<T, DateTimeOffset>> time, Expression<Func<T, long>> id, bool descending) =>
        descending ? rows.OrderByDescending(time).ThenByDescending(id) : rows.OrderBy(time).ThenBy(id);

    /// <summary>Rows strictly after the cursor in the time order, written as <c>time ≤ t AND (time &lt; t OR id &lt; i)</c>
    /// so SQLite bounds its index range on the time column.</summary>
    private static IQueryable<LedgerTrade> After(IQueryable<LedgerTrade> rows, HistoryQuery q)
    {
        if (!HistoryCursor.TryParse(q.After, out var cursor))
        {
            return rows;
        }
        var (at, id) = (cursor.Time, cursor.Id);
        return q.Descending
            ? rows.Where(t => t.Timestamp <= at && (t.Timestamp < at || t.Id < id))
            : rows.Where(t => t.Timestamp >= at && (t.Timestamp > at || t.Id > id));
    }

    private static IQueryable<LedgerOrder> After(IQueryable<LedgerOrder> rows, HistoryQuery q)
    {
        if (!HistoryCursor.TryParse(q.After, out var cursor))
        {
            return rows;
        }
        var (at, id) = (cursor.Time, cursor.Id);
        return q.Descending
            ? rows.Where(o => o.CreatedAt <= at && (o.CreatedAt < at || o.Id < id))
            : rows.Where(o => o.CreatedAt >= at && (o.CreatedAt > at || o.Id > id));
    }

    private static IQueryable<LedgerTransfer> After(IQueryable<LedgerTransfer> rows, HistoryQuery q)
    {
        if (!HistoryCursor.TryParse(q.After, out var cursor))
        {
            return rows;
        }
        var (at, id) = (cursor.Time, cursor.Id);
        return q.Descending
            ? rows.Where(t => t.CreatedAt <= at && (t.CreatedAt < at || t.Id < id))
            : rows.Where(t => t.CreatedAt >= at && (t.CreatedAt > at || t.Id > id));
    }

    private static HistoryPage<T> Paged<T>(List<T> rows, bool more, HistoryTotals totals, HistoryQuery q, Func<T, HistoryCursor> cursorOf)
    {
        var next = more && rows.Count > 0 && q.SortColumn == HistoryQuery.TimeColumn ? cursorOf(rows[^1]).ToString() : null;
        return new HistoryPage<T>(rows, totals.Count, totals, next);
    }

    /// <summary>
    /// The page, its totals (cached per filter until the ledger changes) and its cursor. In the time order a page
    /// number never walks more than <see cref="AnchorStride"/> rows: a page that follows one served before seeks from
    /// that page's remembered cursor, and any other page seeks from the nearest anchor (<see cref="AnchorsAsync"/>).
    /// </summary>
    private async Task<HistoryPage<T>> PageOfAsync<T>(
        PortalDb db, LedgerKind kind, HistoryScope scope, HistoryQuery q, IQueryable<T> filtered,
        Func<IQueryable<T>, HistoryQuery, IQueryable<T>> sort, Func<T, HistoryCursor> cursorOf,
        Func<Task<HistoryTotals>> computeTotals, Func<Task<PageAnchors>> computeAnchors, CancellationToken cancellationToken)
    {
        if (scope.Connections.Count == 0)
        {
            return new HistoryPage<T>([], 0, HistoryTotals.Empty);
        }
        var stamp = await ChangeStampAsync(db, kind, scope, cancellationToken);
        var filterKey = $"{kind}|{string.Join(',', scope.Connections)}|{(q with { Connections = [] }).FilterKey()}|{stamp}";
        var byTime = q.SortColumn == HistoryQuery.TimeColumn;
        var remembers = q.After is null && byTime;
        var effective = q;
        var skip = q.After is null ? (long)q.Page * q.PageSize : 0;
        if (remembers && q.Page > 0 && cache.TryGetValue(CursorKey(filterKey, q, q.Page), out string? remembered) && remembered is not null)
        {
            effective = q with { After = remembered };
            skip = 0;
        }

        var totalsKey = "history-totals|" + filterKey;
        if (!cache.TryGetValue(totalsKey, out HistoryTotals? totals) || totals is null)
        {
            totals = await computeTotals();
            cache.Set(totalsKey, totals, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = CacheLifetime, Size = 1 });
        }

        var offset = (long)q.Page * q.PageSize;
        if (effective.After is null && byTime && skip >= AnchorStride && offset < totals.Count)
        {
            var anchorsKey = "history-anchors|" + filterKey;
            if (!cache.TryGetValue(anchorsKey, out PageAnchors? anchors) || anchors is null)
            {
                anchors = await computeAnchors();
                cache.Set(anchorsKey, anchors, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = CacheLifetime, Size = 1 });
            }
            if (anchors.Nearest(offset, q.Descending) is { } anchor)
            {
                effective = q with { After = anchor.Cursor.ToString() };
                skip = anchor.Skip;
            }
        }

        List<T> rows;
        bool more;
        if (effective.After is null && q.Page > 0 && offset > totals.Count / 2)
        {
            // OFFSET walks the index row by row, so in the other sorts a page jumped to past the middle (the pager's
            // "last page") is read from the far end in the reverse order and turned round: every sort key flipped.
            var remaining = totals.Count - offset;
            var take = (int)Math.Clamp(remaining, 0, q.PageSize);
            rows = take == 0
                ? []
                : await sort(filtered, q with { Descending = !q.Descending }).Skip((int)(remaining - take)).Take(take).ToListAsync(cancellationToken);
            rows.Reverse();
            more = offset + take < totals.Count;
        }
        else
        {
            // One row more than the page tells whether a next page exists without counting.
            var sorted = sort(filtered, effective);
            rows = await (skip > 0 ? sorted.Skip((int)skip) : sorted).Take(q.PageSize + 1).ToListAsync(cancellationToken);
            more = rows.Count > q.PageSize;
            if (more)
            {
                rows.RemoveAt(rows.Count - 1);
            }
        }
        var page = Paged(rows, more, totals, q, cursorOf);
        if (remembers && page.NextCursor is { } next)
        {
            cache.Set(CursorKey(filterKey, q, q.Page + 1), next, new MemoryCacheEntryOptions { SlidingExpiration = CacheLifetime, Size = 1 });
        }
        return page;
    }

    private static string CursorKey(string filterKey, HistoryQuery q, int page) =>
        $"history-cursor|{filterKey}|{q.Descending}|{q.PageSize}|{page}";

    /// <summary>Changes whenever rows are added (the table's highest id) or a sync changes rows of these connections
    /// (<see cref="LedgerSyncState.LastChangeAt"/>), so cached totals never outlive the data they sum.</summary>
    private static async Task<string> ChangeStampAsync(PortalDb db, LedgerKind kind, HistoryScope scope, CancellationToken cancellationToken)
    {
        var ids = scope.Connections;
        long? highest = kind switch
        {
            LedgerKind.Trades => await db.LedgerTrades.MaxAsync(t => (long?)t.Id, cancellationToken),
            LedgerKind.Orders => await db.LedgerOrders.MaxAsync(o => (long?)o.Id, cancellationToken),
            _ => await db.LedgerTransfers.MaxAsync(t => (long?)t.Id, cancellationToken),
        };
        var changes = await db.LedgerSyncStates.AsNoTracking()
            .Where(s => ids.Contains(s.ConnectionId) && s.Kind == kind)
            .Select(s => s.LastChangeAt)
            .ToListAsync(cancellationToken);
        var changed = changes.Max()?.UtcTicks;
        return $"{highest}|{changed}|{changes.Count}";
    }

    // Totals are summed in .NET over a narrow projection streamed from the database: SQLite keeps decimals as text,
    // and EF's decimal SUM calls back into .NET per row through a custom aggregate, which was slower in the 100,000-fill
    // trial (docs/benchmarks.md). They are read in whatever order SQLite finds cheapest (a time-ordered pass fetches each
    // row through the index: over 1 M fills that was ten times slower than the table scan).
    private static async Task<HistoryTotals> TradeTotalsAsync(IQueryable<LedgerTrade> rows, CancellationToken cancellationToken)
    {
        var volume = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var fees = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var count = 0;
        await foreach (var row in rows.Select(t => new { t.QuoteCurrency, t.QuoteAmount, t.FeeCoin, t.Fee }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            count++;
            Add(volume, row.QuoteCurrency, row.QuoteAmount);
            AddFee(fees, row.FeeCoin, row.Fee);
        }
        return new HistoryTotals { Count = count, VolumeByQuote = volume, FeesByCoin = fees };
    }

    private static async Task<HistoryTotals> OrderTotalsAsync(IQueryable<LedgerOrder> rows, CancellationToken cancellationToken)
    {
        var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
        var fees = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var count = 0;
        await foreach (var row in rows.Select(o => new { o.Status, o.FeeCoin, o.Fee }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            count++;
            statuses[row.Status] = statuses.GetValueOrDefault(row.Status) + 1;
            AddFee(fees, row.FeeCoin, row.Fee);
        }
        return new HistoryTotals { Count = count, CountByStatus = statuses, FeesByCoin = fees };
    }

    private static async Task<HistoryTotals> TransferTotalsAsync(IQueryable<LedgerTransfer> rows, CancellationToken cancellationToken)
    {
        var amounts = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var fees = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var states = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        await foreach (var row in rows.Select(t => new { t.Currency, t.Amount, t.FeeCoin, t.Fee, t.State }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            count++;
            Add(amounts, row.Currency, row.Amount);
            Add(fees, row.FeeCoin ?? row.Currency, row.Fee);
            var state = row.State.ToString().ToLowerInvariant();
            states[state] = states.GetValueOrDefault(state) + 1;
        }
        return new HistoryTotals { Count = count, AmountByCurrency = amounts, FeesByCoin = fees, CountByStatus = states };
    }

    /// <summary>
    /// The cursor of every <see cref="AnchorStride"/>-th row of a filter in its newest-first order, read only when a
    /// page is jumped to deep in the filter and cached like the totals. The query selects the time and id alone, so for
    /// one connection with no filter, or a pair with dates, SQLite answers it from the index without touching the table.
    /// </summary>
    private static async Task<PageAnchors> AnchorsAsync(IQueryable<HistoryCursor> newestFirst, CancellationToken cancellationToken)
    {
        var cursors = new List<HistoryCursor>();
        long count = 0;
        await foreach (var cursor in newestFirst.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (++count % AnchorStride == 0)
            {
                cursors.Add(cursor);
            }
        }
        return new PageAnchors(count, cursors);
    }

    /// <summary>
    /// A filter's row count and the cursors of every <see cref="AnchorStride"/>-th row of its newest-first order:
    /// anchor <c>j</c> is the row at position <c>(j + 1) × stride − 1</c>, so the rows strictly after it start at
    /// <c>(j + 1) × stride</c>.
    /// </summary>
    private sealed record PageAnchors(long Count, IReadOnlyList<HistoryCursor> Cursors)
    {
        /// <summary>
        /// The anchor to seek from for the row at <paramref name="offset"/> in the given direction, and how many rows
        /// to skip after it (fewer than a stride); null when the offset is within the first stride.
        /// </summary>
        public (HistoryCursor Cursor, long Skip)? Nearest(long offset, bool descending)
        {
            if (descending)
            {
                var j = offset / AnchorStride;
                return j >= 1 && j <= Cursors.Count ? (Cursors[(int)j - 1], offset - (j * AnchorStride)) : null;
            }
            // Oldest first, the row at newest-first position p is followed by the rows from position count − p on;
            // take the anchor with the smallest such p that still starts at or before the offset.
            var k = (Count - offset + AnchorStride) / AnchorStride;
            if (k < 1 || k > Cursors.Count)
            {
                return null;
            }
            var start = Count - ((k * AnchorStride) - 1);
            return start >= 0 && start <= offset ? (Cursors[(int)k - 1], offset - start) : null;
        }
    }

    private static void Add(Dictionary<string, decimal> sums, string key, decimal value) =>
        sums[key] = sums.GetValueOrDefault(key) + value;

    /// <summary>Fees per coin, leaving out rows that name no fee coin and charged nothing.</summary>
    private static void AddFee(Dictionary<string, decimal> fees, string? coin, decimal fee)
    {
        if (coin is not null || fee != 0m)
        {
            Add(fees, coin ?? "", fee);
        }
    }

}

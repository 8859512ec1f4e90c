using System.Globalization;
using AllexPortal.Core.Assets;
using AllexPortal.Core.Tax.Events;
using AllexPortal.Core.Tax.Exports;
using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Market;
using AllexPortal.Web.Access;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.Exchange;
using AllexPortal.Web.Ledger;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Reports;

/// <summary>
/// Reads the local ledger for reports: the one place that checks, through <see cref="PortalAccess"/>, that the user
/// may export (<see cref="PortalPermission.Export"/>) every requested connection, and that turns ledger rows into the
/// tax engine's events.
/// </summary>
/// <remarks>
/// <para>
/// <b>Ledger ids.</b> The engine breaks ties between events at the same instant by ledger id, which must be unique
/// across the report, but fills and transfers live in two tables with their own row ids. They share one id space
/// here: a fill's ledger id is <c>2 × row id</c> and a transfer's is <c>2 × row id + 1</c> (see
/// <see cref="TradeLedgerId"/>, <see cref="TransferLedgerId"/>). So at one instant fills and transfers interleave by
/// row id, and any id in a report maps back to exactly one row.
/// </para>
/// <para>
/// <b>Rows.</b> A fill gives <c>size</c> of the base coin for <c>size × price</c> of the quote coin (or the reverse);
/// its fee is in <c>fee_coin</c>, or when the exchange left that out, in the coin received (the Kit's rule). Only
/// completed deposits and withdrawals count; pending, cancelled and failed ones moved nothing. A withdrawal's fee is
/// disposed of; a deposit's fee is not modelled (the Kit credits the net amount).
/// </para>
/// <para>
/// <b>Access.</b> A singleton (report jobs outlive a request): each check asks a <see cref="PortalAccess"/> of a scope of its own.
/// </para>
/// </remarks>
public sealed class ReportLedger(
    IDbContextFactory<PortalDb> databases, IServiceScopeFactory scopes, PortalExchangeEndpoint endpoint, TimeProvider time)
{
    private const int ProgressEvery = 5_000;

    /// <summary>The ledger id of the fill stored in row <paramref name="rowId"/>.</summary>
    public static long TradeLedgerId(long rowId) => rowId * 2;

    /// <summary>The ledger id of the deposit or withdrawal stored in row <paramref name="rowId"/>.</summary>
    public static long TransferLedgerId(long rowId) => (rowId * 2) + 1;

    /// <summary>What the page can offer <paramref name="userId"/> in their personal workspace.</summary>
    public Task<ReportChoices> ChoicesAsync(string userId, CancellationToken cancellationToken) =>
        ChoicesAsync(userId, null, cancellationToken);

    /// <summary>What the page can offer <paramref name="userId"/> in <paramref name="workspaceId"/> (null: personal).</summary>
    /// <exception cref="AccessDeniedException">Not a member there, or the role may not export (reports carry amounts).</exception>
    public async Task<ReportChoices> ChoicesAsync(string userId, Guid? workspaceId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<PortalAccess>();
        await access.DemandWorkspaceAsync(userId, workspaceId, PortalPermission.Export, cancellationToken);
        var allowed = await access.ConnectionsAsync(userId, workspaceId, PortalPermission.Export, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var connections = await db.Connections.AsNoTracking().Where(c => allowed.Contains(c.Id))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Label }).ToListAsync(cancellationToken);
        var ids = connections.Select(c => c.Id).ToList();
        var synced = await db.LedgerSyncStates.AsNoTracking().Where(s => ids.Contains(s.ConnectionId) && s.LastSuccessAt != null)
            .Select(s => new { s.ConnectionId, s.LastSuccessAt }).ToListAsync(cancellationToken);
        var offered = new List<ReportConnection>();
        DateTimeOffset? first = null;
        var symbols = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var connection in connections)
        {
            var firstTrade = await db.LedgerTrades.AsNoTracking().Where(t => t.ConnectionId == connection.Id)
                .OrderBy(t => t.Timestamp).ThenBy(t => t.Id).Select(t => (DateTimeOffset?)t.Timestamp).FirstOrDefaultAsync(cancellationToken);
            var firstTransfer = await db.LedgerTransfers.AsNoTracking().Where(t => t.ConnectionId == connection.Id)
                .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Select(t => (DateTimeOffset?)t.CreatedAt).FirstOrDefaultAsync(cancellationToken);
            var earliest = new[] { firstTrade, firstTransfer, first }.Where(t => t is not null).Min();
            first = earliest;
            symbols.UnionWith(await db.LedgerTrades.AsNoTracking().Where(t => t.ConnectionId == connection.Id)
                .Select(t => t.Symbol).Distinct().ToListAsync(cancellationToken));
            var lastSuccess = synced.Where(s => s.ConnectionId == connection.Id).Select(s => s.LastSuccessAt).Max();
            offered.Add(new ReportConnection(connection.Id, connection.Label, firstTrade is not null || firstTransfer is not null, lastSuccess));
        }

        var thisYear = time.GetUtcNow().Year;
        var years = first is { } since ? Enumerable.Range(since.Year, thisYear - since.Year + 1).Reverse().ToList() : [thisYear];
        var coins = symbols.SelectMany(s => s.Split('-')).Append(Asset.Usdt.Code).Distinct()
            .OrderBy(c => c == Asset.Usdt.Code ? 0 : 1).ThenBy(c => c, StringComparer.Ordinal).ToList();
        return new ReportChoices(offered, years, coins);
    }

    /// <summary>
    /// The labels and exchanges of <paramref name="connectionIds"/> and the stamp of their ledgers, after checking
    /// the user may export every one.
    /// </summary>
    /// <exception cref="ConnectionNotFoundException">One of them is not shared with the user (or does not exist).</exception>
    /// <exception cref="AccessDeniedException">The user's role may not export one of them.</exception>
    public async Task<OwnedConnections> OwnedAsync(
        string userId, IReadOnlyList<Guid> connectionIds, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(connectionIds);
        var ids = connectionIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            throw new ArgumentException("A report needs at least one connection.", nameof(connectionIds));
        }

        await using var scope = scopes.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<PortalAccess>();
        foreach (var id in ids)
        {
            await access.DemandConnectionAsync(userId, id, PortalPermission.Export, cancellationToken);
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var owned = await db.Connections.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Label, c.BaseUrl, c.IsDemo }).ToDictionaryAsync(c => c.Id, cancellationToken);

        foreach (var id in ids.Where(id => !owned.ContainsKey(id)))
        {
            throw new ConnectionNotFoundException(id);
        }

        var states = await db.LedgerSyncStates.AsNoTracking().Where(s => ids.Contains(s.ConnectionId))
            .Select(s => new { s.ConnectionId, s.LastChangeAt }).ToListAsync(cancellationToken);
        var stamp = new LedgerStamp(ids.Select(id => KeyValuePair.Create(id,
            states.Where(s => s.ConnectionId == id).Select(s => s.LastChangeAt).Max())));
        return new OwnedConnections(
            [.. ids.Select(id => owned[id].Label)],
            [.. ids.Select(id => owned[id].IsDemo ? endpoint.BaseUrl : new Uri(owned[id].BaseUrl))],
            stamp);
    }

    /// <summary>
    /// Every fill and settled transfer of <paramref name="connectionIds"/> before <paramref name="end"/>, as report
    /// transactions in replay order. Call only with ids checked by <see cref="OwnedAsync"/>.
    /// </summary>
    /// <param name="connectionIds">The user's connections (already checked).</param>
    /// <param name="end">The end of the report period (exclusive).</param>
    /// <param name="progress">Told the share of rows read so far, 0 to 1.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    internal async Task<List<ReportTransaction>> ReadAsync(
        IReadOnlyList<Guid> connectionIds, DateTimeOffset end, IProgress<double> progress, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var ids = connectionIds.Distinct().ToList();
        var labels = await db.Connections.AsNoTracking().Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Label, cancellationToken);
        var trades = db.LedgerTrades.AsNoTracking().Where(t => ids.Contains(t.ConnectionId) && t.Timestamp < end);
        var transfers = db.LedgerTransfers.AsNoTracking()
            .Where(t => ids.Contains(t.ConnectionId) && t.CreatedAt < end && t.State == TransactionState.Completed);
        var total = await trades.CountAsync(cancellationToken) + await transfers.CountAsync(cancellationToken);
        var rows = new List<ReportTransaction>(total);
        await foreach (var trade in trades.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            rows.Add(FromTrade(trade, labels[trade.ConnectionId]));
            Report(rows.Count, total, progress);
        }

        await foreach (var transfer in transfers.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            rows.Add(FromTransfer(transfer, labels[transfer.ConnectionId]));
            Report(rows.Count, total, progress);
        }

        rows.Sort(static (a, b) => a.Time.UtcTicks != b.Time.UtcTicks ? a.Time.UtcTicks.CompareTo(b.Time.UtcTicks) : a.LedgerId.CompareTo(b.LedgerId));
        progress.Report(1d);
        return rows;
    }

    private static void Report(int read, int total, IProgress<double> progress)
    {
        if (read % ProgressEvery == 0)
        {
            progress.Report((double)read / Math.Max(total, 1));
        }
    }

    private static ReportTransaction FromTrade(LedgerTrade trade, string account)
    {
        var baseCoin = Amount.Of(trade.Size, trade.BaseCurrency);
        var quoteCoin = Amount.Of(trade.QuoteAmount, trade.QuoteCurrency);
        var buy = trade.Side == OrderSide.Buy;
        Amount? fee = trade.Fee > 0m
            ? Amount.Of(trade.Fee, string.IsNullOrWhiteSpace(trade.FeeCoin) ? (buy ? trade.BaseCurrency : trade.QuoteCurrency) : trade.FeeCoin)
            : null;
        var ledgerEvent = new TradeEvent(TradeLedgerId(trade.Id), trade.Timestamp,
            buy ? quoteCoin : baseCoin, buy ? baseCoin : quoteCoin, fee);
        var description = string.Create(CultureInfo.InvariantCulture,
            $"{(buy ? "buy" : "sell")} {trade.Size} {trade.Symbol} @ {trade.Price}");
        return new ReportTransaction(ledgerEvent, account, description);
    }

    private static ReportTransaction FromTransfer(LedgerTransfer transfer, string account)
    {
        var amount = Amount.Of(transfer.Amount, transfer.Currency);
        LedgerEvent ledgerEvent = transfer.Direction == TransferDirection.Deposit
            ? new DepositEvent(TransferLedgerId(transfer.Id), transfer.CreatedAt, amount)
            : new WithdrawalEvent(TransferLedgerId(transfer.Id), transfer.CreatedAt, amount,
                transfer.Fee > 0m ? Amount.Of(transfer.Fee, string.IsNullOrWhiteSpace(transfer.FeeCoin) ? transfer.Currency : transfer.FeeCoin) : null);
        var kind = transfer.Direction == TransferDirection.Deposit ? "deposit" : "withdrawal";
        var description = string.IsNullOrWhiteSpace(transfer.Description)
            ? (transfer.Network is { Length: > 0 } network ? $"{kind} ({network})" : kind)
            : $"{kind}: {transfer.Description}";
        return new ReportTransaction(ledgerEvent, account, description, transfer.TransactionId);
    }
}

using System.Net;
using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Errors;
using AllexPortal.Exchange.Paging;
using AllexPortal.Exchange.Trading;
using AllexPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Ledger.Sync;

/// <summary>
/// Orders, upserted by the exchange's id. The window follows creation time, but an order keeps changing while it
/// is open: after the window, the exchange's open list is read in full, and every order the ledger still holds as
/// open that neither read returned (it filled or was cancelled since) is asked for by id.
/// </summary>
internal sealed class OrderHistorySync(HistorySyncContext context, ILogger logger) : HistorySync<Order>(context)
{
    private const int LookupBatch = 20;

    /// <summary>Ids in the exchange's open list. Orders read in the window need no tracking: one closed since is
    /// no longer open in the ledger, one still open is in the open list.</summary>
    private readonly HashSet<string> listedOpen = new(StringComparer.Ordinal);
    private bool readingOpenList;

    public override LedgerKind Kind => LedgerKind.Orders;

    protected override Task<Paged<Order>> FetchAsync(DateTimeOffset? from, int page, int limit, CancellationToken cancellationToken) =>
        Context.Client.Trading.GetOrdersAsync(paging: Query(from, page, limit), cancellationToken: cancellationToken);

    protected override DateTimeOffset TimeOf(Order row) => row.CreatedAt ?? row.UpdatedAt ?? DateTimeOffset.UnixEpoch;

    protected override async Task ReadUnsettledAsync(CancellationToken cancellationToken)
    {
        var openPages = HistoryPageReader.ReadAsync(
            (page, limit, ct) => Context.Client.Trading.GetOrdersAsync(open: true, paging: Query(null, page, limit), cancellationToken: ct),
            Context.Options.PageSize, cancellationToken);
        readingOpenList = true;
        await foreach (var page in openPages)
        {
            await CommitAsync(page.Rows, advanceCursor: false, cancellationToken);
        }

        readingOpenList = false;

        List<string> stillOpen;
        await using (var db = await Context.Databases.CreateDbContextAsync(cancellationToken))
        {
            stillOpen = await db.LedgerOrders.AsNoTracking()
                .Where(o => o.ConnectionId == Context.ConnectionId && o.IsOpen)
                .Select(o => o.ExchangeId)
                .ToListAsync(cancellationToken);
        }

        foreach (var batch in stillOpen.Where(id => !listedOpen.Contains(id)).Chunk(LookupBatch))
        {
            var found = new List<Order>(batch.Length);
            foreach (var id in batch)
            {
                try
                {
                    found.Add(await Context.Client.Trading.GetOrderAsync(id, cancellationToken));
                }
                catch (ExchangeApiException failure) when (failure.StatusCode == HttpStatusCode.NotFound)
                {
                    logger.LogWarning("Order {OrderId} of connection {ConnectionId} is open in the ledger but unknown to the exchange", id, Context.ConnectionId);
                }
            }

            await CommitAsync(found, advanceCursor: false, cancellationToken);
        }
    }

    protected override async Task<(int Inserted, int Updated)> UpsertAsync(PortalDb db, IReadOnlyList<Order> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).Distinct().ToList();
        var known = await db.LedgerOrders
            .Where(o => o.ConnectionId == Context.ConnectionId && ids.Contains(o.ExchangeId))
            .ToDictionaryAsync(o => o.ExchangeId, StringComparer.Ordinal, cancellationToken);
        var (inserted, updated) = (0, 0);
        foreach (var row in rows)
        {
            if (readingOpenList)
            {
                listedOpen.Add(row.Id);
            }

            var fresh = ToLedger(row, now);
            if (known.TryGetValue(row.Id, out var existing))
            {
                fresh.Id = existing.Id;
                fresh.SyncedAt = existing.SyncedAt;
                updated += Refresh(db, existing, fresh, o => o.SyncedAt = now) ? 1 : 0;
            }
            else
            {
                db.LedgerOrders.Add(fresh);
                known[row.Id] = fresh;
                inserted++;
            }
        }

        return (inserted, updated);
    }

    private static PageQuery Query(DateTimeOffset? from, int page, int limit) =>
        new() { Limit = limit, Page = page, OrderBy = "created_at", Order = SortOrder.Asc, StartDate = from };

    private LedgerOrder ToLedger(Order row, DateTimeOffset now)
    {
        var (baseCurrency, quoteCurrency) = LedgerSymbols.Split(row.Symbol);
        return new LedgerOrder
        {
            ConnectionId = Context.ConnectionId,
            ExchangeId = row.Id,
            Symbol = row.Symbol,
            BaseCurrency = baseCurrency,
            QuoteCurrency = quoteCurrency,
            Side = row.Side,
            Type = row.Type ?? string.Empty,
            Size = row.Size,
            Price = row.Price,
            Stop = row.Stop,
            Filled = row.Filled,
            Average = row.Average,
            Status = row.Status ?? string.Empty,
            IsOpen = row.IsOpen,
            Fee = row.Fee ?? 0m,
            FeeCoin = row.FeeCoin,
            Note = row.Meta?.Note,
            CreatedAt = TimeOf(row),
            UpdatedAt = row.UpdatedAt,
            SyncedAt = now,
        };
    }
}

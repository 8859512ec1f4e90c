using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Paging;
using AllexPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Ledger.Sync;

/// <summary>Fills, keyed by content and occurrence (<see cref="TradeKeySequence"/>). A fill never changes, so a
/// known key is left as it is.</summary>
internal sealed class TradeHistorySync(HistorySyncContext context) : HistorySync<UserTrade>(context)
{
    private readonly TradeKeySequence keys = new();

    public override LedgerKind Kind => LedgerKind.Trades;

    protected override Task<Paged<UserTrade>> FetchAsync(DateTimeOffset? from, int page, int limit, CancellationToken cancellationToken) =>
        Context.Client.User.GetTradesAsync(paging: new PageQuery
        {
            Limit = limit,
            Page = page,
            OrderBy = "timestamp",
            Order = SortOrder.Asc,
            StartDate = from,
        }, cancellationToken: cancellationToken);

    protected override DateTimeOffset TimeOf(UserTrade row) => row.Timestamp;

    protected override async Task<(int Inserted, int Updated)> UpsertAsync(PortalDb db, IReadOnlyList<UserTrade> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var keyed = rows.Select(row => (Key: keys.Next(row), Row: row)).ToList();
        var wanted = keyed.Select(k => k.Key).ToList();
        var known = await db.LedgerTrades.AsNoTracking()
            .Where(t => t.ConnectionId == Context.ConnectionId && wanted.Contains(t.Key))
            .Select(t => t.Key)
            .ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        var inserted = 0;
        foreach (var (key, row) in keyed.Where(k => !known.Contains(k.Key)))
        {
            db.LedgerTrades.Add(ToLedger(key, row, now));
            inserted++;
        }

        return (inserted, 0);
    }

    private LedgerTrade ToLedger(string key, UserTrade row, DateTimeOffset now)
    {
        var (baseCurrency, quoteCurrency) = LedgerSymbols.Split(row.Symbol);
        return new LedgerTrade
        {
            ConnectionId = Context.ConnectionId,
            Key = key,
            Symbol = row.Symbol,
            BaseCurrency = baseCurrency,
            QuoteCurrency = quoteCurrency,
            Side = row.Side,
            Size = row.Size,
            Price = row.Price,
            QuoteAmount = row.Size * row.Price,
            Fee = row.Fee ?? 0m,
            FeeCoin = row.FeeCoin,
            OrderId = row.OrderId,
            Timestamp = row.Timestamp,
            SyncedAt = now,
        };
    }
}

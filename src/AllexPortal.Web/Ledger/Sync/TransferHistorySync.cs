using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Paging;
using AllexPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Ledger.Sync;

/// <summary>
/// Deposits or withdrawals, upserted by the exchange's id. A pending transfer can still complete, be cancelled or
/// fail, so the window starts at the oldest one still pending when that is older than <c>cursor - overlap</c>.
/// </summary>
internal sealed class TransferHistorySync(HistorySyncContext context, TransferDirection direction) : HistorySync<Transaction>(context)
{
    public override LedgerKind Kind => direction == TransferDirection.Deposit ? LedgerKind.Deposits : LedgerKind.Withdrawals;

    protected override Task<Paged<Transaction>> FetchAsync(DateTimeOffset? from, int page, int limit, CancellationToken cancellationToken)
    {
        var query = new PageQuery { Limit = limit, Page = page, OrderBy = "created_at", Order = SortOrder.Asc, StartDate = from };
        return direction == TransferDirection.Deposit
            ? Context.Client.User.GetDepositsAsync(paging: query, cancellationToken: cancellationToken)
            : Context.Client.User.GetWithdrawalsAsync(paging: query, cancellationToken: cancellationToken);
    }

    protected override DateTimeOffset TimeOf(Transaction row) => row.CreatedAt;

    protected override async Task<DateTimeOffset?> WindowStartAsync(PortalDb db, LedgerSyncState state, CancellationToken cancellationToken)
    {
        var start = state.Cursor - Context.Options.Overlap;
        if (start is null)
        {
            return null;
        }

        var pending = await db.LedgerTransfers.AsNoTracking()
            .Where(t => t.ConnectionId == Context.ConnectionId && t.Direction == direction && t.State == TransactionState.Pending)
            .OrderBy(t => t.CreatedAt)
            .Select(t => (DateTimeOffset?)t.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return pending is { } oldest && oldest < start ? oldest : start;
    }

    protected override async Task<(int Inserted, int Updated)> UpsertAsync(PortalDb db, IReadOnlyList<Transaction> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).Distinct().ToList();
        var known = await db.LedgerTransfers
            .Where(t => t.ConnectionId == Context.ConnectionId && t.Direction == direction && ids.Contains(t.ExchangeId))
            .ToDictionaryAsync(t => t.ExchangeId, cancellationToken);
        var (inserted, updated) = (0, 0);
        foreach (var row in rows)
        {
            var fresh = ToLedger(row, now);
            if (known.TryGetValue(row.Id, out var existing))
            {
                fresh.Id = existing.Id;
                fresh.SyncedAt = existing.SyncedAt;
                updated += Refresh(db, existing, fresh, t => t.SyncedAt = now) ? 1 : 0;
            }
            else
            {
                db.LedgerTransfers.Add(fresh);
                known[row.Id] = fresh;
                inserted++;
            }
        }

        return (inserted, updated);
    }

    private LedgerTransfer ToLedger(Transaction row, DateTimeOffset now) => new()
    {
        ConnectionId = Context.ConnectionId,
        Direction = direction,
        ExchangeId = row.Id,
        Currency = row.Currency,
        Amount = row.Amount,
        Fee = row.Fee ?? 0m,
        FeeCoin = row.FeeCoin,
        Address = row.Address,
        TransactionId = row.TransactionId,
        Network = row.Network,
        State = row.State,
        Description = row.Description,
        CreatedAt = row.CreatedAt,
        UpdatedAt = row.UpdatedAt,
        SyncedAt = now,
    };
}

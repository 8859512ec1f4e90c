using AllexPortal.Core.Assets;
using AllexPortal.Core.Holdings;
using AllexPortal.Core.Tax.Events;
using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Market;
using AllexPortal.Web.Data;
using AllexPortal.Web.Ledger;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Portfolio;

/// <summary>
/// A connection's ledger as flows of coins: its fills (sold leg, bought leg, fee in whatever coin) and its completed
/// deposits and withdrawals (amount plus fee), read with only the columns the reconstruction needs.
/// </summary>
public sealed class LedgerHoldings(IDbContextFactory<PortalDb> databases)
{
    private static readonly LedgerKind[] NeededKinds = [LedgerKind.Trades, LedgerKind.Deposits, LedgerKind.Withdrawals];

    /// <summary>
    /// When the connection's trades, deposits and withdrawals have all been read to their end, when they last changed
    /// and were last synced; null while any of the three is incomplete (a partial ledger would not add up).
    /// </summary>
    public async Task<LedgerSyncStamp?> CompleteAsOfAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var states = await db.LedgerSyncStates.AsNoTracking()
            .Where(s => s.ConnectionId == connectionId)
            .Select(s => new { s.Kind, s.Complete, s.LastChangeAt, s.LastSuccessAt })
            .ToListAsync(cancellationToken);
        var needed = states.Where(s => NeededKinds.Contains(s.Kind)).ToList();
        return needed.Count == NeededKinds.Length && needed.All(s => s.Complete)
            ? new LedgerSyncStamp(
                needed.Select(s => s.LastChangeAt ?? DateTimeOffset.UnixEpoch).Max(),
                needed.Select(s => s.LastSuccessAt ?? DateTimeOffset.UnixEpoch).Min())
            : null;
    }

    /// <summary>Every flow-bearing event of the connection's ledger, in time order (fills before transfers at one instant, then by row id).</summary>
    public async Task<List<LedgerEvent>> EventsAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var events = new List<LedgerEvent>();
        var trades = db.LedgerTrades.AsNoTracking()
            .Where(t => t.ConnectionId == connectionId)
            .Select(t => new { t.Id, t.Timestamp, t.Side, t.BaseCurrency, t.QuoteCurrency, t.Size, t.QuoteAmount, t.Fee, t.FeeCoin })
            .AsAsyncEnumerable();
        await foreach (var t in trades.WithCancellation(cancellationToken))
        {
            var baseLeg = Amount.Of(t.Size, t.BaseCurrency);
            var quoteLeg = Amount.Of(t.QuoteAmount, t.QuoteCurrency);
            var (sold, bought) = t.Side == OrderSide.Buy ? (quoteLeg, baseLeg) : (baseLeg, quoteLeg);
            events.Add(new TradeEvent(t.Id, t.Timestamp, sold, bought, FeeOf(t.Fee, t.FeeCoin, bought.Asset.Code)));
        }

        var transfers = db.LedgerTransfers.AsNoTracking()
            .Where(t => t.ConnectionId == connectionId && t.State == TransactionState.Completed)
            .Select(t => new { t.Id, t.Direction, t.CreatedAt, t.Currency, t.Amount, t.Fee, t.FeeCoin })
            .AsAsyncEnumerable();
        await foreach (var t in transfers.WithCancellation(cancellationToken))
        {
            var amount = Amount.Of(t.Amount, t.Currency);
            events.Add(t.Direction == TransferDirection.Deposit
                ? new DepositEvent(t.Id, t.CreatedAt, amount)
                : new WithdrawalEvent(t.Id, t.CreatedAt, amount, FeeOf(t.Fee, t.FeeCoin, t.Currency)));
        }

        return [.. events.OrderBy(e => e.Time.UtcTicks).ThenBy(e => e is TradeEvent ? 0 : 1).ThenBy(e => e.LedgerId)];
    }

    /// <summary>What the ledger says the connection holds now (each coin's signed flows summed).</summary>
    public async Task<IReadOnlyDictionary<string, decimal>> CurrentAsync(Guid connectionId, CancellationToken cancellationToken) =>
        HoldingsReconstruction.Final(await EventsAsync(connectionId, cancellationToken));

    /// <summary>A fee without a coin is charged in <paramref name="defaultCoin"/> (the Kit's rule: what the fill brought in, or the coin withdrawn).</summary>
    private static Amount? FeeOf(decimal fee, string? feeCoin, string defaultCoin) =>
        fee == 0m ? null : Amount.Of(fee, string.IsNullOrWhiteSpace(feeCoin) ? defaultCoin : feeCoin);
}

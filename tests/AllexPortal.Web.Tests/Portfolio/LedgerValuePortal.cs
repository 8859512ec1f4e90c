using System.Globalization;
using System.Text.Json;
using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Market;
using AllexPortal.Sandbox;
using AllexPortal.Web.Data;
using AllexPortal.Web.Ledger;
using AllexPortal.Web.Portfolio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AllexPortal.Web.Tests.Portfolio;

/// <summary>
/// The dashboard portal on a frozen clock (its ledger schedules are off), so a test decides what the ledger holds:
/// it writes a connection's ledger rows straight from the sandbox's own truth (optionally leaving rows out) and marks
/// every history complete, as a finished sync would.
/// </summary>
public sealed class LedgerValuePortal : DashboardPortal
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    protected override FakeTimeProvider? Clock => clock;

    public DateTimeOffset Now => clock.GetUtcNow();

    public LedgerBackfill Backfill => Services.GetRequiredService<LedgerBackfill>();

    public string DemoEmail => Sandbox.Options.Demo.Email;

    /// <summary>Copies the sandbox demo user's fills, deposits and withdrawals into the connection's ledger, as complete.</summary>
    public async Task SeedLedgerAsync(Guid connectionId, Func<SandboxTransfer, bool>? leaveOutDeposit = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(cancellationToken);
        var now = Now;
        var index = 0;
        foreach (var trade in Sandbox.TradesOf(DemoEmail))
        {
            var coins = trade.Symbol.Split('-');
            db.LedgerTrades.Add(new LedgerTrade
            {
                ConnectionId = connectionId,
                Key = $"t{index++}",
                Symbol = trade.Symbol,
                BaseCurrency = coins[0],
                QuoteCurrency = coins[1],
                Side = trade.Side == "buy" ? OrderSide.Buy : OrderSide.Sell,
                Size = trade.Size,
                Price = trade.Price,
                QuoteAmount = trade.Size * trade.Price,
                Fee = trade.Fee,
                FeeCoin = trade.FeeCoin,
                OrderId = trade.OrderId,
                Timestamp = trade.Timestamp,
                SyncedAt = now,
            });
        }

        foreach (var (transfer, direction) in Sandbox.DepositsOf(DemoEmail).Where(d => leaveOutDeposit?.Invoke(d) != true).Select(d => (d, TransferDirection.Deposit))
                     .Concat(Sandbox.WithdrawalsOf(DemoEmail).Select(w => (w, TransferDirection.Withdrawal))))
        {
            db.LedgerTransfers.Add(new LedgerTransfer
            {
                ConnectionId = connectionId,
                Direction = direction,
                ExchangeId = transfer.Id,
                Currency = transfer.Currency,
                Amount = transfer.Amount,
                Fee = transfer.Fee,
                FeeCoin = transfer.FeeCoin,
                State = TransactionState.Completed,
                CreatedAt = transfer.CreatedAt,
                SyncedAt = now,
            });
        }

        foreach (var kind in Enum.GetValues<LedgerKind>())
        {
            db.LedgerSyncStates.Add(new LedgerSyncState
            {
                ConnectionId = connectionId, Kind = kind, Complete = true, Cursor = now, LastChangeAt = now, LastSuccessAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The connection's snapshots, oldest first.</summary>
    public async Task<List<ValuationSnapshot>> SnapshotsAsync(Guid connectionId)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(cancellationToken);
        return (await db.ValuationSnapshots.AsNoTracking().Where(s => s.ConnectionId == connectionId).ToListAsync(cancellationToken))
            .OrderBy(s => s.TakenAt).ToList();
    }

    /// <summary>Adds a recorded snapshot, as the schedule would.</summary>
    public async Task RecordAsync(Guid connectionId, DateTimeOffset at, decimal total)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(cancellationToken);
        db.ValuationSnapshots.Add(new ValuationSnapshot
        {
            ConnectionId = connectionId, TakenAt = at, QuoteCurrency = "usdt", TotalValue = total, Holdings = "{}", Source = ValuationSnapshotSource.Schedule,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The sandbox's own daily closes of <paramref name="symbol"/>, keyed by day, read over HTTP.</summary>
    public async Task<Dictionary<DateOnly, decimal>> DailyClosesAsync(string symbol, DateTimeOffset from, DateTimeOffset to)
    {
        using var http = new HttpClient { BaseAddress = Address };
        var json = await http.GetStringAsync(
            new Uri($"/sandbox/v2/chart?symbol={symbol}&resolution=1D&from={from.ToUnixTimeSeconds()}&to={to.ToUnixTimeSeconds()}", UriKind.Relative),
            TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().ToDictionary(
            c => DateOnly.FromDateTime(DateTimeOffset.Parse(c.GetProperty("time").GetString()!, CultureInfo.InvariantCulture).UtcDateTime),
            c => decimal.Parse(c.GetProperty("close").GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture));
    }
}

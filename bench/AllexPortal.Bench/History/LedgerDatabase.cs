using System.Diagnostics;
using System.Globalization;
using AllexPortal.Sandbox;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.Ledger;
using AllexPortal.Web.Tests.History;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AllexPortal.Bench.History;

/// <summary>
/// A portal database (the real migrations) whose one connection holds the sandbox large user's fills, built once
/// per trade count into a file under the temp folder and reused by later runs (building 1 M rows takes a while).
/// </summary>
public sealed class LedgerDatabase
{
    /// <summary>Bump when the generated content changes, so an old file is not reused.</summary>
    private const int Version = 4;

    private static readonly DateTimeOffset Now = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private LedgerDatabase(string path, string userId, Guid connectionId, int trades)
    {
        Path = path;
        UserId = userId;
        ConnectionId = connectionId;
        Trades = trades;
    }

    public string Path { get; }

    public string UserId { get; }

    public Guid ConnectionId { get; }

    public int Trades { get; }

    public DbContextOptions<PortalDb> Options => new DbContextOptionsBuilder<PortalDb>().UseSqlite($"Data Source={Path}").Options;

    /// <summary>Opens the cached database for <paramref name="trades"/> fills, building it first if needed.</summary>
    public static async Task<LedgerDatabase> OpenOrBuildAsync(int trades, TextWriter log)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "allexportal-bench");
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, $"ledger-{trades}-v{Version}.db");
        var options = new DbContextOptionsBuilder<PortalDb>().UseSqlite($"Data Source={path}").Options;
        if (File.Exists(path))
        {
            await using var existing = new PortalDb(options);
            // Migrations merged since the file was built (new columns of other features) apply in seconds.
            await existing.Database.MigrateAsync();
            var connection = await existing.Connections.AsNoTracking().SingleAsync();
            var count = await existing.LedgerTrades.CountAsync();
            if (count == trades)
            {
                log.WriteLine($"Reusing {path} ({count:N0} trades).");
                return new LedgerDatabase(path, connection.OwnerId, connection.Id, trades);
            }
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }

        log.WriteLine($"Building {path} with {trades:N0} trades from the sandbox's large user...");
        var watch = Stopwatch.StartNew();
        var sandboxOptions = new SandboxOptions();
        sandboxOptions.Large.Enabled = true;
        sandboxOptions.Large.TradeCount = trades;
        var sandbox = new SandboxExchange(sandboxOptions, new FixedClock(Now), NullLogger<SandboxExchange>.Instance);
        var fills = sandbox.TradesOf(sandboxOptions.Large.Email);
        log.WriteLine($"  generated {fills.Count:N0} fills in {watch.Elapsed.TotalSeconds:F1} s");

        await using var db = new PortalDb(options);
        await db.Database.MigrateAsync();
        var user = new PortalUser { UserName = "bench@allexportal.local", Email = "bench@allexportal.local", NormalizedEmail = "BENCH@ALLEXPORTAL.LOCAL", NormalizedUserName = "BENCH@ALLEXPORTAL.LOCAL" };
        db.Users.Add(user);
        var connectionRow = new ExchangeConnection
        {
            Id = Guid.NewGuid(),
            OwnerId = user.Id,
            Label = "Large user",
            BaseUrl = "https://exchange.invalid/",
            ApiKeyHint = "xxxx",
            ProtectedApiKey = "",
            ProtectedApiSecret = "",
            CreatedAt = Now,
        };
        db.Connections.Add(connectionRow);
        await db.SaveChangesAsync();

        watch.Restart();
        await LedgerBulkWriter.InsertAsync(db, fills.Select((f, i) => ToLedger(connectionRow.Id, f, i)), CancellationToken.None);
        log.WriteLine($"  inserted in {watch.Elapsed.TotalSeconds:F1} s ({fills.Count / watch.Elapsed.TotalSeconds:N0} rows/s, one prepared command, one transaction)");
        await db.Database.ExecuteSqlRawAsync("ANALYZE;");
        return new LedgerDatabase(path, user.Id, connectionRow.Id, trades);
    }

    private static LedgerTrade ToLedger(Guid connectionId, SandboxTrade fill, int index)
    {
        var dash = fill.Symbol.IndexOf('-', StringComparison.Ordinal);
        return new LedgerTrade
        {
            ConnectionId = connectionId,
            Key = string.Create(CultureInfo.InvariantCulture, $"{fill.Timestamp.ToUnixTimeMilliseconds()}-{index}"),
            Symbol = fill.Symbol,
            BaseCurrency = fill.Symbol[..dash],
            QuoteCurrency = fill.Symbol[(dash + 1)..],
            Side = fill.Side == "buy" ? AllexPortal.Exchange.Market.OrderSide.Buy : AllexPortal.Exchange.Market.OrderSide.Sell,
            Size = fill.Size,
            Price = fill.Price,
            QuoteAmount = fill.Size * fill.Price,
            Fee = fill.Fee,
            FeeCoin = fill.FeeCoin,
            OrderId = fill.OrderId,
            Timestamp = fill.Timestamp,
            SyncedAt = Now,
        };
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

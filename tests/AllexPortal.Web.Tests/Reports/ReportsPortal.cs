using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Market;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.Ledger;
using AllexPortal.Web.Reports;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Reports;

/// <summary>
/// The portal on a loopback port with <see cref="GatedPrices"/> as its historical price source, and helpers that
/// write ledger rows straight into its SQLite database (as a sync would) so each test states its own ledger.
/// </summary>
public sealed class ReportsPortal : ListeningPortal
{
    public GatedPrices Prices { get; } = new();

    public ReportJobs Jobs => Services.GetRequiredService<ReportJobs>();

    public ReportCache Cache => Services.GetRequiredService<ReportCache>();

    public ReportLedger Ledger => Services.GetRequiredService<ReportLedger>();

    /// <summary>A registered user (so they can sign in over HTTP) and their id.</summary>
    public async Task<(string Email, string UserId)> RegisteredUserAsync()
    {
        var email = $"reports-{Guid.NewGuid():N}@example.com";
        using (var client = CreateListeningClient())
        using (var registered = await client.RegisterAsync(email))
        {
            if (registered.StatusCode != System.Net.HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Registering {email} answered {(int)registered.StatusCode}.");
            }
        }

        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email);
        return (email, user!.Id);
    }

    /// <summary>A connection of <paramref name="userId"/> with no ledger yet.</summary>
    public async Task<Guid> NewConnectionAsync(string userId, string label = "Main")
    {
        var connection = new ExchangeConnection
        {
            Id = Guid.NewGuid(),
            OwnerId = userId,
            Label = label,
            BaseUrl = "https://exchange.example/",
            ApiKeyHint = "abcd",
            ProtectedApiKey = "-",
            ProtectedApiSecret = "-",
            CanRead = true,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await using var db = await DbAsync();
        db.Connections.Add(connection);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return connection.Id;
    }

    /// <summary>Adds a fill of <paramref name="size"/> base coin at <paramref name="price"/>; returns its row id (<paramref name="id"/> when not 0).</summary>
    public async Task<long> AddTradeAsync(
        Guid connectionId, DateTimeOffset at, OrderSide side, decimal size, decimal price,
        string symbol = "btc-usdt", decimal fee = 0m, string? feeCoin = null, long id = 0)
    {
        var coins = symbol.Split('-');
        var trade = new LedgerTrade
        {
            Id = id,
            ConnectionId = connectionId,
            Key = Guid.NewGuid().ToString("N"),
            Symbol = symbol,
            BaseCurrency = coins[0],
            QuoteCurrency = coins[1],
            Side = side,
            Size = size,
            Price = price,
            QuoteAmount = size * price,
            Fee = fee,
            FeeCoin = feeCoin,
            Timestamp = at,
            SyncedAt = DateTimeOffset.UtcNow,
        };
        await using var db = await DbAsync();
        db.LedgerTrades.Add(trade);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return trade.Id;
    }

    /// <summary>Adds a deposit or withdrawal; returns its row id (<paramref name="id"/> when not 0).</summary>
    public async Task<long> AddTransferAsync(
        Guid connectionId, DateTimeOffset at, TransferDirection direction, decimal amount, string currency,
        TransactionState state = TransactionState.Completed, decimal fee = 0m, string? transactionId = null, long id = 0)
    {
        var transfer = new LedgerTransfer
        {
            Id = id,
            ConnectionId = connectionId,
            Direction = direction,
            ExchangeId = Random.Shared.NextInt64(1, long.MaxValue),
            Currency = currency,
            Amount = amount,
            Fee = fee,
            State = state,
            TransactionId = transactionId,
            CreatedAt = at,
            SyncedAt = DateTimeOffset.UtcNow,
        };
        await using var db = await DbAsync();
        db.LedgerTransfers.Add(transfer);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return transfer.Id;
    }

    /// <summary>Records that a sync changed the connection's <paramref name="kind"/> ledger at <paramref name="at"/>.</summary>
    public async Task MarkChangedAsync(Guid connectionId, DateTimeOffset at, LedgerKind kind = LedgerKind.Trades)
    {
        await using var db = await DbAsync();
        var state = await db.LedgerSyncStates.FindAsync([connectionId, kind], TestContext.Current.CancellationToken);
        if (state is null)
        {
            state = new LedgerSyncState { ConnectionId = connectionId, Kind = kind };
            db.LedgerSyncStates.Add(state);
        }

        state.LastChangeAt = at;
        state.LastSuccessAt = at;
        state.Complete = true;
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Computes a report and waits for the job to finish.</summary>
    public async Task<ReportJob> ComputeAsync(string userId, ReportRequest request)
    {
        var job = await Jobs.StartAsync(userId, request, TestContext.Current.CancellationToken);
        await job.Finished.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        return job;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Ledger:SyncInterval", "00:00:00");
        builder.UseSetting("Ledger:DiscoveryInterval", "00:00:00");
        builder.UseSetting("Portfolio:SnapshotInterval", "00:00:00");
        builder.ConfigureServices(services => services.AddSingleton<IReportPrices>(new FixedReportPrices(Prices)));
    }

    private async Task<PortalDb> DbAsync() =>
        await Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
}

using AllexPortal.Exchange;
using AllexPortal.Exchange.Configuration;
using AllexPortal.Exchange.Security;
using AllexPortal.Web.Exchange;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.Ledger;
using AllexPortal.Web.Tests.Portfolio;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Ledger;

/// <summary>
/// The portal in demo mode on a real loopback port, its ledger syncing from the embedded sandbox over HTTP. The
/// schedule and the discovery of new connections are off, so every sync a test sees is one it started; the exchange
/// client's per-host budget is raised and its retry back-off shortened, and the demo user has 650 fills (seven
/// pages of each of trades and orders), so full syncs take seconds while retries (two per GET) and their exhaustion
/// still happen as in production.
/// </summary>
public class LedgerPortal : DashboardPortal
{
    /// <summary>The sandbox demo user, whose history the connections of these tests read.</summary>
    public string DemoEmail => Sandbox.Options.Demo.Email;

    public LedgerSyncCoordinator Coordinator => Services.GetRequiredService<LedgerSyncCoordinator>();

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["Ledger:SyncInterval"] = "00:00:00",
                ["Ledger:DiscoveryInterval"] = "00:00:00",
                ["Sandbox:Demo:TradeCount"] = "650",
                ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
                ["Logging:LogLevel:Polly"] = "Warning",
            };
            foreach (var (key, value) in ExtraSettings)
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // The portal does not bind the client's options from configuration; the test raises the per-host budget
        // (the production 4 requests/s would make each full sync take 15 s) and shortens the retry back-off.
        builder.ConfigureServices(services => services.PostConfigure<AllexClientOptions>(client =>
        {
            client.RequestsPerSecond = 10_000;
            client.BurstSize = 10_000;
            client.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        }));
    }

    /// <summary>Settings a derived portal adds (e.g. a clamped page size).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [];

    /// <summary>The signed client a page would use for the connection (the sandbox demo user's key).</summary>
    public async Task<AllexApiKeyClient> ClientAsync(string userId, Guid connectionId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConnectionService>().OpenClientAsync(userId, connectionId, TestContext.Current.CancellationToken);
    }

    /// <summary>Another trader on the sandbox (signed up, funded by the sign-up deposits, logged in), to trade
    /// against the demo user's resting orders.</summary>
    public async Task<AllexSessionClient> SignedUpTraderAsync(CancellationToken cancellationToken)
    {
        var factory = Services.GetRequiredService<IAllexClientFactory>();
        var exchange = Services.GetRequiredService<PortalExchangeEndpoint>().BaseUrl;
        var email = $"trader-{Guid.NewGuid():N}@example.com";
        const string password = "Passw0rd-trader";
        await factory.ForPublic(exchange).SignupAsync(new SignupRequest { Email = email, Password = password }, cancellationToken);
        var login = await factory.ForPublic(exchange).LoginAsync(new LoginRequest { Email = email, Password = password }, cancellationToken);
        return factory.ForSession(exchange, new SessionToken(login.Token));
    }

    /// <summary>A connection of <paramref name="userId"/> to the sandbox holding these credentials, whatever they are
    /// worth (the connection service would refuse a bad key; the exchange may revoke a good one later).</summary>
    public Task<Guid> AddConnectionWithKeyAsync(string userId, ApiKeyCredentials credentials) =>
        AddSandboxConnectionAsync(userId, "Revoked", credentials, canTrade: false, TestContext.Current.CancellationToken);

    /// <summary>A fresh database context on the portal's own database.</summary>
    public async Task<PortalDb> DatabaseAsync() =>
        await Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

    /// <summary>The connection's fills in the ledger, oldest first.</summary>
    public async Task<List<LedgerTrade>> TradesAsync(Guid connectionId)
    {
        await using var db = await DatabaseAsync();
        return (await db.LedgerTrades.AsNoTracking().Where(t => t.ConnectionId == connectionId).ToListAsync(TestContext.Current.CancellationToken))
            .OrderBy(t => t.Timestamp).ThenBy(t => t.Id).ToList();
    }

    /// <summary>The connection's orders in the ledger.</summary>
    public async Task<List<LedgerOrder>> OrdersAsync(Guid connectionId)
    {
        await using var db = await DatabaseAsync();
        return await db.LedgerOrders.AsNoTracking().Where(o => o.ConnectionId == connectionId).ToListAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The connection's deposits or withdrawals in the ledger, by exchange id.</summary>
    public async Task<List<LedgerTransfer>> TransfersAsync(Guid connectionId, TransferDirection direction)
    {
        await using var db = await DatabaseAsync();
        return (await db.LedgerTransfers.AsNoTracking().Where(t => t.ConnectionId == connectionId && t.Direction == direction)
            .ToListAsync(TestContext.Current.CancellationToken)).OrderBy(t => t.ExchangeId).ToList();
    }

    /// <summary>The connection's sync state of one history.</summary>
    public async Task<LedgerSyncState> StateAsync(Guid connectionId, LedgerKind kind)
    {
        await using var db = await DatabaseAsync();
        return await db.LedgerSyncStates.AsNoTracking().SingleAsync(s => s.ConnectionId == connectionId && s.Kind == kind, TestContext.Current.CancellationToken);
    }
}

using AllexPortal.Exchange;
using AllexPortal.Exchange.Security;
using AllexPortal.Sandbox;
using AllexPortal.Web.Audit;
using AllexPortal.Web.Data;
using AllexPortal.Web.Exchange;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace AllexPortal.Web.Tests.Trading;

/// <summary>
/// The portal in demo mode on a real loopback port: its exchange client calls the embedded sandbox over HTTP. The
/// sandbox asks for e-mail confirmation of withdrawals, as the real exchange does, and counts the requests it
/// receives (<see cref="SandboxExchange.RequestsTo"/>), which is how tests prove what was (not) sent.
/// </summary>
public class TradingPortal : ListeningPortal
{
    private readonly SemaphoreSlim keyGate = new(1, 1);
    private ApiKeyCredentials? readOnlyKey;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Ledger:SyncInterval"] = "00:00:00",
        ["Sandbox:ConfirmWithdrawalsByEmail"] = "true",
        ["Sandbox:QuickTradeQuoteLifetime"] = QuoteLifetime,
    };

    /// <summary>The sandbox's quick-trade quote lifetime in this portal.</summary>
    protected virtual string QuoteLifetime => "00:00:30";

    public SandboxExchange Sandbox => Services.GetRequiredService<SandboxExchange>();

    public Uri ExchangeUrl => Services.GetRequiredService<PortalExchangeEndpoint>().BaseUrl;

    /// <summary>The sandbox demo user's e-mail: the key to its truth (orders, withdrawals, e-mail codes).</summary>
    public string DemoEmail => Sandbox.Options.Demo.Email;

    /// <summary>A new portal user with a connection to the sandbox demo user through its seeded read-and-trade key.</summary>
    public async Task<(string UserId, Guid ConnectionId)> NewTraderAsync()
    {
        var userId = await NewUserAsync();
        var demo = Sandbox.Options.Demo;
        var connectionId = await AddSandboxConnectionAsync(userId, "Sandbox trading", new ApiKeyCredentials(demo.ApiKey, demo.ApiSecret),
            canTrade: true, TestContext.Current.CancellationToken);
        return (userId, connectionId);
    }

    /// <summary>A new portal user with a connection through a key the exchange itself made read-only.</summary>
    public async Task<(string UserId, Guid ConnectionId)> NewReaderAsync()
    {
        var userId = await NewUserAsync();
        var connectionId = await AddSandboxConnectionAsync(userId, "Sandbox read-only", await ReadOnlyKeyAsync(),
            canTrade: false, TestContext.Current.CancellationToken);
        return (userId, connectionId);
    }

    /// <summary>A signed-in exchange session of the sandbox demo user (2FA on), as the exchange sign-in dialog makes one.</summary>
    public async Task<AllexSessionClient> DemoSessionAsync()
    {
        var demo = Sandbox.Options.Demo;
        var factory = Services.GetRequiredService<IAllexClientFactory>();
        var login = await factory.ForPublic(ExchangeUrl).LoginAsync(
            new LoginRequest { Email = demo.Email, Password = demo.Password, OtpCode = DemoOtp() }, TestContext.Current.CancellationToken);
        return factory.ForSession(ExchangeUrl, new SessionToken(login.Token));
    }

    /// <summary>The sandbox demo user's current 2FA code.</summary>
    public string DemoOtp() =>
        new Totp(Base32Encoding.ToBytes(Sandbox.Options.Demo.TotpSecret)).ComputeTotp(Sandbox.Time.GetUtcNow().UtcDateTime);

    /// <summary>The audit entries of one actor, oldest first.</summary>
    public async Task<List<AuditEntry>> AuditOfAsync(string userId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var entries = await db.AuditEntries.Where(e => e.ActorUserId == userId).ToListAsync(TestContext.Current.CancellationToken);
        return [.. entries.OrderBy(e => e.Id)];
    }

    private async Task<ApiKeyCredentials> ReadOnlyKeyAsync()
    {
        await keyGate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (readOnlyKey is null)
            {
                var session = await DemoSessionAsync();
                await session.Security.RequestEmailConfirmationAsync(TestContext.Current.CancellationToken);
                var created = await session.Security.CreateApiKeyAsync(
                    new CreateApiKeyRequest { Name = "read only", OtpCode = DemoOtp(), EmailCode = Sandbox.EmailCodeOf(DemoEmail)! },
                    TestContext.Current.CancellationToken);
                readOnlyKey = created.Credentials;
            }

            return readOnlyKey;
        }
        finally
        {
            keyGate.Release();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        keyGate.Dispose();
        await base.DisposeAsync();
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using AllexPortal.Exchange;
using AllexPortal.Exchange.Configuration;
using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Security;
using AllexPortal.Sandbox;
using OtpNet;

namespace AllexPortal.Integration.Tests.Infrastructure;

/// <summary>
/// One running sandbox (loopback Kestrel, demo user, admin endpoints on) and the real exchange client pointed at
/// it, shared by the tests of one class.
/// <para>
/// Why this suite exists: the typed client (<c>AllexPortal.Exchange</c>) and the exchange emulator
/// (<c>AllexPortal.Sandbox</c>) were written independently from the same API reference, each tested only against
/// its own reading of it (the client against WireMock answers, the sandbox with hand-built HTTP requests). This
/// suite puts the two together over real HTTP and proves they agree: every typed method reaches a sandbox route
/// and parses its answer into the values the sandbox holds as truth, HMAC signatures made by one verify in the
/// other, and the refusals the reference names come back as the right <c>ExchangeApiException</c> kinds.
/// </para>
/// By default the sandbox is mounted under <c>/sandbox</c>, as the portal embeds it
/// (<c>http://127.0.0.1:port/sandbox/</c>), with rate limits far above what the tests send and replay rejection
/// off (as in the portal's embedded demo, where many reads with the demo key share one second).
/// </summary>
public class SandboxFixture : IAsyncLifetime
{
    private readonly HttpClient admin = new();

    public SandboxServer Server { get; private set; } = null!;

    public ClientHost Clients { get; private set; } = null!;

    public SandboxExchange Exchange => Server.Exchange;

    public SandboxAccountOptions Demo => Server.Exchange.Options.Demo;

    public Uri BaseUrl => Server.BaseAddress;

    public IAllexPublicApi Public => Clients.Factory.ForPublic(BaseUrl);

    /// <summary>The demo user's ready key (read and trade).</summary>
    public AllexApiKeyClient DemoKey => ForKey(new ApiKeyCredentials(Demo.ApiKey, Demo.ApiSecret));

    /// <summary>The path the sandbox is mounted under; empty for the root.</summary>
    protected virtual string PathPrefix => "/sandbox";

    /// <summary>The sandbox's clock; null for the system clock.</summary>
    protected virtual TimeProvider? SandboxClock => null;

    public AllexApiKeyClient ForKey(ApiKeyCredentials credentials) => Clients.Factory.ForApiKey(BaseUrl, credentials);

    /// <summary>The demo user's current TOTP code, computed with Otp.NET from the documented secret.</summary>
    public string DemoOtp() => CurrentOtp(Demo.TotpSecret);

    public string CurrentOtp(string base32Secret) =>
        new Totp(Base32Encoding.ToBytes(base32Secret)).ComputeTotp(Exchange.Time.GetUtcNow().UtcDateTime);

    /// <summary>Logs the demo user in (password and OTP) and returns a bearer-session client.</summary>
    public async Task<AllexSessionClient> LoginDemoAsync(CancellationToken cancellationToken)
    {
        var login = await Public.LoginAsync(new LoginRequest { Email = Demo.Email, Password = Demo.Password, OtpCode = DemoOtp() }, cancellationToken);
        return Clients.Factory.ForSession(BaseUrl, new SessionToken(login.Token));
    }

    /// <summary>Asks the exchange to e-mail a confirmation code, then reads it back from the sandbox's admin endpoint.</summary>
    public async Task<string> EmailCodeAsync(AllexSessionClient session, CancellationToken cancellationToken)
    {
        await session.Security.RequestEmailConfirmationAsync(cancellationToken);
        var uri = new Uri(BaseUrl, $"sandbox-admin/email-code?email={Uri.EscapeDataString(Demo.Email)}");
        var answer = await admin.GetFromJsonAsync<JsonElement>(uri, cancellationToken);
        return answer.GetProperty("code").GetString()!;
    }

    /// <summary>Creates a demo-user key, then sets its permissions and IP whitelist (new keys start read-only).</summary>
    public async Task<(CreatedApiKey Created, ApiKeyInfo Updated)> CreateKeyAsync(
        AllexSessionClient session, string name, ApiKeyPermissionsBody permissions, IReadOnlyList<string>? whitelistedIps, CancellationToken cancellationToken)
    {
        var created = await session.Security.CreateApiKeyAsync(
            new CreateApiKeyRequest { Name = name, OtpCode = DemoOtp(), EmailCode = await EmailCodeAsync(session, cancellationToken) }, cancellationToken);
        var updated = await session.Security.UpdateApiKeyAsync(new UpdateApiKeyRequest
        {
            TokenId = created.Key.Id,
            OtpCode = DemoOtp(),
            EmailCode = await EmailCodeAsync(session, cancellationToken),
            Permissions = permissions,
            WhitelistedIps = whitelistedIps,
            WhitelistingEnabled = whitelistedIps is not null,
        }, cancellationToken);
        return (created, updated);
    }

    public async ValueTask InitializeAsync()
    {
        var options = new SandboxOptions
        {
            EnableAdmin = true,
            RejectReplayedSignatures = false,
            RateLimits = new RateLimitOptions { GeneralPerSecond = 10_000, GeneralBurst = 10_000, Login = 1_000, Signup = 1_000, WithdrawalRequest = 1_000 },
        };
        Configure(options);
        Server = await SandboxServer.StartAsync(options, SandboxClock, PathPrefix, TestContext.Current.CancellationToken);
        Clients = new ClientHost(BaseUrl, configure: ConfigureClient);
    }

    public async ValueTask DisposeAsync()
    {
        admin.Dispose();
        await Clients.DisposeAsync();
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Adjusts the sandbox's options before it starts.</summary>
    protected virtual void Configure(SandboxOptions options)
    {
    }

    /// <summary>Adjusts the client's options (its request budget is already raised by <see cref="ClientHost"/>).</summary>
    protected virtual void ConfigureClient(AllexClientOptions options)
    {
    }
}

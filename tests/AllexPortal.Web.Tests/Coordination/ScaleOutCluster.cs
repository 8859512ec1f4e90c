using System.Globalization;
using AllexPortal.Exchange.Security;
using AllexPortal.Sandbox;
using AllexPortal.Web.Tests.Infrastructure;

namespace AllexPortal.Web.Tests.Coordination;

/// <summary>
/// Portal instances sharing one database, one exchange (a sandbox on its own loopback port) and one key-ring
/// certificate, as a multi-instance deployment runs them. Leases last <see cref="LeaseDuration"/>, short enough for
/// a take-over to happen within a test.
/// </summary>
public sealed class ScaleOutCluster : IAsyncDisposable
{
    /// <summary>How long a lease lasts without renewal in these instances.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(6);

    private const string CertificatePassword = "scale-out-test";
    private readonly List<ScaleOutPortal> instances = [];
    private readonly string certificatePath;

    private ScaleOutCluster(SandboxServer exchange, string certificatePath)
    {
        Exchange = exchange;
        this.certificatePath = certificatePath;
    }

    /// <summary>The shared database.</summary>
    public TemporaryDatabase Database { get; } = new();

    /// <summary>The exchange every instance's connections point at.</summary>
    public SandboxServer Exchange { get; }

    /// <summary>The exchange's demo user's key (read and trade) and e-mail, whose 650 fills the syncs read.</summary>
    public ApiKeyCredentials DemoKey => new(Exchange.Exchange.Options.Demo.ApiKey, Exchange.Exchange.Options.Demo.ApiSecret);

    public string DemoEmail => Exchange.Exchange.Options.Demo.Email;

    public static async Task<ScaleOutCluster> StartAsync()
    {
        var options = new SandboxOptions { RateLimits = RateLimitOptions.None };
        options.Demo.TradeCount = 650;
        var exchange = await SandboxServer.StartAsync(options, cancellationToken: TestContext.Current.CancellationToken);
        var cluster = new ScaleOutCluster(exchange, Path.Combine(Path.GetTempPath(), $"allexportal-keyring-{Guid.NewGuid():N}.pfx"));
        KeyRingCertificate.Write(cluster.certificatePath, CertificatePassword);
        return cluster;
    }

    /// <summary>Starts an instance named <paramref name="instanceId"/> on the shared database and exchange.</summary>
    public async Task<ScaleOutPortal> StartInstanceAsync(string instanceId)
    {
        var instance = new ScaleOutPortal(instanceId, new Dictionary<string, string?>
        {
            ["Database:Provider"] = Database.Provider.ToString(),
            ["ConnectionStrings:PortalDb"] = Database.ConnectionString,
            ["Exchange:BaseUrl"] = Exchange.BaseAddress.AbsoluteUri,
            // The test exchange listens on loopback, which the outbound guard refuses unless its exact address is allowed.
            ["Exchange:AllowedAddresses:0"] = $"127.0.0.1:{Exchange.BaseAddress.Port}",
            ["DataProtection:Certificate:Path"] = certificatePath,
            ["DataProtection:Certificate:Password"] = CertificatePassword,
            ["Coordination:InstanceId"] = instanceId,
            ["Coordination:LeaseDuration"] = LeaseDuration.ToString("c", CultureInfo.InvariantCulture),
            ["Coordination:RetryInterval"] = "00:00:00.200",
            ["Ledger:SyncInterval"] = "00:00:00",
            ["Ledger:DiscoveryInterval"] = "00:00:00",
            ["Portfolio:SnapshotInterval"] = "00:00:00",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
            ["Logging:LogLevel:Polly"] = "Warning",
        });
        lock (instances)
        {
            instances.Add(instance);
        }

        await Task.Run(() => instance.InitializeAsync().AsTask(), TestContext.Current.CancellationToken);
        return instance;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in instances)
        {
            await instance.DisposeAsync();
        }

        await Exchange.DisposeAsync();
        Database.Dispose();
        File.Delete(certificatePath);
    }
}

using Microsoft.AspNetCore.DataProtection;

namespace AllexPortal.Web.Coordination;

/// <summary>
/// Makes the shared key ring's first key under a lease, right after the migrations: instances started together on
/// a fresh database would otherwise each create a key of their own and, until their key rings refresh, fail to
/// read one another's cookies and sealed credentials. The instance holding the lease creates the key; the others
/// wait for the lease and then load that key. Registered before Data Protection's own hosted service (which loads
/// the key ring, creating a key when it finds none), hence <c>AddPortalCoordination</c> before <c>AddPortalDataProtection</c>.
/// </summary>
internal sealed class KeyRingStartup(LeaseStore leases, IDataProtectionProvider provider, ILogger<KeyRingStartup> logger) : IHostedService
{
    /// <summary>The lease start-up work runs under.</summary>
    public const string LeaseName = "startup:key-ring";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var lease = await leases.AcquireAsync(LeaseName, cancellationToken);
        provider.CreateProtector("AllexPortal.Startup.KeyRing").Protect("ready");
        logger.LogDebug("Key ring loaded under lease {Lease} by {Holder}", lease.Name, lease.Holder);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

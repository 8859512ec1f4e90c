using System.Data.Common;
using System.Security.Cryptography;
using AllexPortal.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AllexPortal.Web.Health;

/// <summary>
/// Ready when the Data Protection key ring can protect and unprotect with its current key: without it no
/// sign-in cookie and no stored exchange key can be read, whatever else works. The probe value is not secret.
/// </summary>
internal sealed class KeyRingReadinessCheck(IDataProtectionProvider provider, KeyRingProtection protection) : IHealthCheck
{
    private const string Purpose = "AllexPortal.Health.KeyRing";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var protector = provider.CreateProtector(Purpose);
        var probe = Guid.NewGuid().ToString("N");
        try
        {
            var roundTrip = protector.Unprotect(protector.Protect(probe));
            var atRest = protection.IsProtected ? "encrypted at rest with the configured certificate" : "NOT encrypted at rest (no certificate configured)";
            return Task.FromResult(roundTrip == probe
                ? HealthCheckResult.Healthy($"The key ring protects and unprotects with its current key; it is {atRest}.")
                : HealthCheckResult.Unhealthy("The key ring returned a different value than it protected."));
        }
        catch (Exception failure) when (failure is CryptographicException or DbException or DbUpdateException or InvalidOperationException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(
                $"The key ring cannot protect and unprotect ({failure.GetType().Name}): check the database and the DataProtection:Certificate settings."));
        }
    }
}

using System.Data.Common;
using System.Security.Cryptography;
using AllexPortal.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AllexPortal.Web.Health;

/// <summary>
/// Ready when the Data Protection key ring can protect and unprotect with its current key AND every unexpired key
/// in the shared ring can be decrypted here: an instance given the wrong certificate (a rotation where the old one
/// was not listed) still makes keys of its own, but cannot read the cookies and stored exchange keys sealed by the
/// others. The probe value is not secret.
/// </summary>
internal sealed class KeyRingReadinessCheck(
    IDataProtectionProvider provider, IKeyManager keys, KeyRingProtection protection, TimeProvider time) : IHealthCheck
{
    private const string Purpose = "AllexPortal.Health.KeyRing";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var protector = provider.CreateProtector(Purpose);
            var probe = Guid.NewGuid().ToString("N");
            if (protector.Unprotect(protector.Protect(probe)) != probe)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("The key ring returned a different value than it protected."));
            }

            var now = time.GetUtcNow();
            var current = keys.GetAllKeys().Where(k => !k.IsRevoked && k.ExpirationDate > now).ToList();
            var unreadable = current.Count(k => !CanDecrypt(k));
            if (unreadable > 0)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy(
                    $"{unreadable} of the key ring's {current.Count} current keys cannot be decrypted with the configured certificate, so sign-ins "
                    + "and stored exchange keys sealed with them are unreadable here. Give every instance the same DataProtection:Certificate:Path "
                    + "and list earlier certificates under DataProtection:Certificate:PreviousPaths."));
            }

            var atRest = protection.IsProtected ? "encrypted at rest with the configured certificate" : "NOT encrypted at rest (no certificate configured)";
            return Task.FromResult(HealthCheckResult.Healthy($"The key ring ({current.Count} current key(s)) protects and unprotects; it is {atRest}."));
        }
        catch (Exception failure) when (failure is CryptographicException or DbException or DbUpdateException or InvalidOperationException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(
                $"The key ring cannot protect and unprotect ({failure.GetType().Name}): check the database and the DataProtection:Certificate settings."));
        }
    }

    private static bool CanDecrypt(IKey key)
    {
        try
        {
            return key.Descriptor is not null;
        }
        catch (Exception failure) when (failure is CryptographicException or InvalidOperationException)
        {
            return false;
        }
    }
}

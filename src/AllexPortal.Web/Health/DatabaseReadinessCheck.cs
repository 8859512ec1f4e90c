using System.Data.Common;
using AllexPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AllexPortal.Web.Health;

/// <summary>
/// Ready when the database answers and its schema is current: an instance started against a database another
/// instance has not finished migrating (or an older build against a newer schema) is not ready.
/// </summary>
internal sealed class DatabaseReadinessCheck(IDbContextFactory<PortalDb> databases) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy($"The {db.Database.ProviderName?.Split('.')[^1]} database cannot be reached; check ConnectionStrings:PortalDb and the server.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("The database answers and its schema is current.")
                : HealthCheckResult.Unhealthy($"The database answers but {pending.Count} migration(s) are not applied yet (first: {pending[0]}).");
        }
        catch (Exception failure) when (failure is DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"The database cannot be reached: {failure.GetType().Name}.", failure);
        }
    }
}

using AllexPortal.Web.Portfolio;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace AllexPortal.Web.Health;

/// <summary>
/// Ready when the shared cache of public market data answers: Redis must answer a PING when configured (an
/// instance that cannot reach it would call the exchange for every view); without Redis the in-memory cache is
/// always there.
/// </summary>
internal sealed class CacheReadinessCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<RedisConnection>() is not { } redis)
        {
            return HealthCheckResult.Healthy("In-memory cache (no Redis configured): each instance fetches public market data itself.");
        }

        try
        {
            var roundTrip = await redis.PingAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy($"Redis at {redis.Endpoints} answered in {roundTrip.TotalMilliseconds:0.#} ms.");
        }
        catch (Exception failure) when (failure is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"Redis at {redis.Endpoints} does not answer ({failure.GetType().Name}); check ConnectionStrings:Redis and the server.");
        }
    }
}

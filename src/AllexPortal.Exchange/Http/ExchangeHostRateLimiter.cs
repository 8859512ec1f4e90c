using System.Threading.RateLimiting;
using AllexPortal.Exchange.Configuration;
using Microsoft.Extensions.Options;

namespace AllexPortal.Exchange.Http;

/// <summary>
/// The per-process request budget towards each exchange host (reference rule 6: all portal users share the
/// server's IP, and the exchange's nginx allows 4 requests/s per IP). One instance per process, shared by
/// every client the factory builds; requests over budget wait in a queue rather than fail.
/// </summary>
public sealed class ExchangeHostRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<HttpRequestMessage> limiter;

    /// <summary>Creates the limiter from the configured pace.</summary>
    public ExchangeHostRateLimiter(IOptions<AllexClientOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        limiter = PartitionedRateLimiter.Create<HttpRequestMessage, string>(request =>
            RateLimitPartition.GetTokenBucketLimiter(
                request.RequestUri?.Authority ?? string.Empty,
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = settings.BurstSize,
                    TokensPerPeriod = settings.RequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = settings.QueueLimit,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    AutoReplenishment = true,
                }));
    }

    /// <summary>Waits for a permit to send <paramref name="request"/> to its host.</summary>
    public ValueTask<RateLimitLease> AcquireAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        limiter.AcquireAsync(request, 1, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => limiter.Dispose();
}

using System.Net;
using AllexPortal.Exchange.Configuration;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.RateLimiting;

namespace AllexPortal.Exchange.Http;

/// <summary>
/// The resilience order, outside in: total timeout, retry, circuit breaker, per-host budget, attempt timeout.
/// The budget sits inside the retry so every attempt counts against it. Only GETs are retried: order
/// creation, cancellation and withdrawals may already have happened when an answer is lost.
/// </summary>
internal static class AllexResiliencePipeline
{
    public const string Name = "allex";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, AllexClientOptions options, ExchangeHostRateLimiter limiter, TimeProvider timeProvider)
    {
        pipeline
            .AddTimeout(new HttpTimeoutStrategyOptions { Name = "total", Timeout = options.TotalTimeout })
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetryAttempts),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetryAttempts > 0 && ShouldRetry(args.Context, args.Outcome, options, timeProvider)),
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                SamplingDuration = TimeSpan.FromSeconds(30),
                MinimumThroughput = 20,
                FailureRatio = 0.5,
                BreakDuration = TimeSpan.FromSeconds(15),
            })
            .AddRateLimiter(new RateLimiterStrategyOptions
            {
                RateLimiter = args => limiter.AcquireAsync(
                    args.Context.GetRequestMessage() ?? throw new InvalidOperationException("The resilience context lost its request."),
                    args.Context.CancellationToken),
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = options.AttemptTimeout });
    }

    private static bool ShouldRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome, AllexClientOptions options, TimeProvider timeProvider)
    {
        if (context.GetRequestMessage()?.Method != HttpMethod.Get || !HttpClientResiliencePredicates.IsTransient(outcome)
            || outcome.Exception?.InnerException is Errors.ExchangeApiException)
        {
            return false;
        }

        if (outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } tooMany)
        {
            var wait = tooMany.Headers.RetryAfter?.Delta
                ?? (tooMany.Headers.RetryAfter?.Date is { } date ? date - timeProvider.GetUtcNow() : null);
            return wait is null || wait <= options.MaxRetryAfterWait;
        }

        return true;
    }
}

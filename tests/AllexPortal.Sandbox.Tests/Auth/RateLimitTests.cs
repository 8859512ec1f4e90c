using System.Net;
using AllexPortal.Sandbox.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AllexPortal.Sandbox.Tests.Auth;

/// <summary>Limits as on the real exchange: 429 with <c>Retry-After</c>.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Seventeenth_login_within_two_minutes_is_refused_with_retry_after()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        await using var server = await SandboxApi.StartAsync(o => o.RateLimits = new RateLimitOptions { GeneralPerSecond = 0 }, clock);
        using var api = new SandboxApi(server, clock);
        for (var i = 0; i < 16; i++)
        {
            using var allowed = await api.PostJsonAsync("v2/login", "{\"email\":\"nobody@example.test\",\"password\":\"wrong\"}");
            Assert.Equal(HttpStatusCode.BadRequest, allowed.StatusCode);
        }

        using var refused = await api.PostJsonAsync("v2/login", "{\"email\":\"nobody@example.test\",\"password\":\"wrong\"}");

        await Refusal.AssertAsync(refused, HttpStatusCode.TooManyRequests, "Too many requests");
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 120);
    }

    [Fact]
    public async Task Burst_beyond_general_limit_gets_nginx_429_with_retry_after()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        await using var server = await SandboxApi.StartAsync(o => o.RateLimits = new RateLimitOptions(), clock);
        using var api = new SandboxApi(server, clock);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 14; i++)
        {
            using var allowed = await api.GetAsync("v2/health");
            statuses.Add(allowed.StatusCode);
        }

        using var refused = await api.GetAsync("v2/health");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter!.Delta);
        Assert.Contains("429 Too Many Requests", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task General_limit_refills_at_four_requests_per_second()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        await using var server = await SandboxApi.StartAsync(o => o.RateLimits = new RateLimitOptions(), clock);
        using var api = new SandboxApi(server, clock);
        for (var i = 0; i < 15; i++)
        {
            using var drain = await api.GetAsync("v2/health");
        }
        clock.Advance(TimeSpan.FromSeconds(1));
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 5; i++)
        {
            using var response = await api.GetAsync("v2/health");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Disabled_limits_let_bursts_through()
    {
        await using var server = await SandboxApi.StartAsync();
        using var api = new SandboxApi(server);
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 40; i++)
        {
            using var response = await api.GetAsync("v2/health");
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }
}

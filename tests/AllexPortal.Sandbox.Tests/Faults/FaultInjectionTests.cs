using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AllexPortal.Sandbox.Tests.Infrastructure;

namespace AllexPortal.Sandbox.Tests.Faults;

/// <summary>Faults configured per run or through the admin endpoint hit exactly the requests they name.</summary>
public sealed class FaultInjectionTests
{
    [Fact]
    public async Task Server_errors_hit_the_next_requests_then_stop()
    {
        await using var server = await SandboxApi.StartAsync(o => o.Faults = new FaultOptions { ServerErrors = 2, ServerErrorStatus = 503 });
        using var api = new SandboxApi(server);

        using var first = await api.GetAsync("v2/health");
        using var second = await api.GetAsync("v2/health");
        using var third = await api.GetAsync("v2/health");

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK],
            [first.StatusCode, second.StatusCode, third.StatusCode]);
    }

    [Fact]
    public async Task Injected_429_carries_retry_after()
    {
        await using var server = await SandboxApi.StartAsync(o => o.Faults = new FaultOptions { TooManyRequests = 1, RetryAfterSeconds = 7 });
        using var api = new SandboxApi(server);

        using var response = await api.GetAsync("v2/tickers");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter!.Delta);
    }

    [Fact]
    public async Task Malformed_json_is_cut_short()
    {
        await using var server = await SandboxApi.StartAsync(o => o.Faults = new FaultOptions { MalformedJson = 1 });
        using var api = new SandboxApi(server);

        using var response = await api.GetAsync("v2/constants");
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task Dropped_connection_fails_mid_page_after_skipped_pages()
    {
        await using var server = await SandboxApi.StartAsync(o => o.Faults = new FaultOptions
        {
            PathPrefix = "/v2/user/trades",
            SkipRequests = 2,
            DroppedConnections = 1,
        });
        using var api = new SandboxApi(server);
        using var page1 = await api.DemoSignedAsync(HttpMethod.Get, "v2/user/trades?page=1");
        using var page2 = await api.DemoSignedAsync(HttpMethod.Get, "v2/user/trades?page=2");

        var page3 = async () =>
        {
            using var response = await api.DemoSignedAsync(HttpMethod.Get, "v2/user/trades?page=3");
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        };

        Assert.Equal(HttpStatusCode.OK, page2.StatusCode);
        await Assert.ThrowsAnyAsync<HttpRequestException>(page3);
    }

    [Fact]
    public async Task Timeout_hangs_until_the_client_gives_up()
    {
        await using var server = await SandboxApi.StartAsync(o => o.Faults = new FaultOptions { Timeouts = 1 });
        using var api = new SandboxApi(server);
        api.Http.Timeout = TimeSpan.FromMilliseconds(300);

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => api.GetAsync("v2/health"));
    }

    [Fact]
    public async Task Latency_delays_matching_requests()
    {
        await using var server = await SandboxApi.StartAsync(o => o.Faults = new FaultOptions { Latency = TimeSpan.FromMilliseconds(400) });
        using var api = new SandboxApi(server);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        using var response = await api.GetAsync("v2/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(390));
    }

    [Fact]
    public async Task Admin_endpoint_sets_faults_at_run_time()
    {
        await using var server = await SandboxApi.StartAsync();
        using var api = new SandboxApi(server);
        using var set = await api.Http.PutAsJsonAsync("sandbox-admin/faults", new { server_errors = 1 }, TestContext.Current.CancellationToken);

        using var failed = await api.GetAsync("v2/health");
        using var next = await api.GetAsync("v2/health");

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Admin_endpoints_are_off_unless_enabled()
    {
        await using var server = await SandboxApi.StartAsync(o => o.EnableAdmin = false);
        using var api = new SandboxApi(server);

        using var response = await api.Http.PutAsJsonAsync("sandbox-admin/faults", new { server_errors = 1 }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

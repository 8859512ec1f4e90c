using AllexPortal.Sandbox.Tests.Infrastructure;

namespace AllexPortal.Sandbox.Tests.Hosting;

/// <summary>The sandbox counts what reached it, so a client's "sent exactly once" can be proven.</summary>
public sealed class RequestTallyTests
{
    [Fact]
    public async Task Requests_are_counted_per_method_and_path_even_when_a_fault_answers_them()
    {
        await using var server = await SandboxApi.StartAsync(o => o.Faults = new FaultOptions { PathPrefix = "/v2/constants", ServerErrors = 1 });
        using var api = new SandboxApi(server);

        using var failed = await api.GetAsync("v2/constants");
        using var served = await api.GetAsync("v2/constants");
        using var other = await api.GetAsync("v2/health");

        Assert.Equal(500, (int)failed.StatusCode);
        Assert.Equal(2, server.Exchange.RequestsTo("GET", "/v2/constants"));
        Assert.Equal(0, server.Exchange.RequestsTo("POST", "/v2/constants"));
        Assert.Equal(1, server.Exchange.RequestsTo("get", "/v2/health"));
    }
}

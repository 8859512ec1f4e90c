using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using AllexPortal.Sandbox.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace AllexPortal.Sandbox.Tests.Hosting;

/// <summary>Mounted under a prefix (the portal's <c>/sandbox</c>), the sandbox answers as at the root and
/// verifies signatures over the path from <c>/v2</c>.</summary>
public sealed class MountingTests
{
    [Fact]
    public async Task Signed_call_under_prefix_verifies_path_from_v2()
    {
        await using var server = await SandboxApi.StartAsync(pathPrefix: "/sandbox");
        using var api = new SandboxApi(server);

        using var response = await api.DemoSignedAsync(HttpMethod.Get, "v2/user/trades?limit=5&page=1");

        Assert.Equal("/sandbox/", server.BaseAddress.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Paths_outside_the_prefix_are_not_served()
    {
        await using var server = await SandboxApi.StartAsync(pathPrefix: "/sandbox");
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseAddress, "/") };

        using var response = await http.GetAsync("v2/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Host_endpoints_and_sandbox_branch_do_not_mix()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Services.AddAllexSandbox(SandboxApi.Options());
        await using var app = builder.Build();
        app.MapGet("/portal-page", () => "portal");
        app.MapFallback(() => Results.Text("portal fallback"));
        app.UseAllexSandbox("/sandbox");
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Urls.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        using var portal = await http.GetAsync("portal-page", TestContext.Current.CancellationToken);
        using var sandbox = await http.GetAsync("sandbox/v2/health", TestContext.Current.CancellationToken);
        using var portalInSandbox = await http.GetAsync("sandbox/portal-page", TestContext.Current.CancellationToken);
        using var sandboxAtRoot = await http.GetAsync("v2/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, portal.StatusCode);
        Assert.Contains("hollaex-kit", await sandbox.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, portalInSandbox.StatusCode);
        Assert.Equal("portal fallback", await sandboxAtRoot.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        await app.StopAsync(TestContext.Current.CancellationToken);
    }
}

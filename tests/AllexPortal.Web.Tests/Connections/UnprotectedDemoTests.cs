using System.Net;
using AllexPortal.Sandbox;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Exchange;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Connections;

/// <summary>A demo started in Production without a key-ring certificate (as the Docker demo is) keeps working
/// with its sandbox, but refuses to store a key of a real exchange under an unencrypted key ring.</summary>
public sealed class UnprotectedDemoTests : IClassFixture<UnprotectedDemoTests.ProductionDemoPortal>
{
    private readonly ProductionDemoPortal portal;

    public UnprotectedDemoTests(ProductionDemoPortal portal) => this.portal = portal;

    [Fact]
    public async Task Real_exchange_key_is_refused_before_any_call_when_the_key_ring_is_unprotected()
    {
        var userId = await portal.NewUserAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var connections = scope.ServiceProvider.GetRequiredService<ConnectionService>();

        var refused = await Assert.ThrowsAsync<ConnectionRefusedException>(() => connections.AddAsync(
            userId, "Main", "https://api.allex.online", "0123456789abcdef", "not-a-real-secret",
            cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("DataProtection:Certificate:Path", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-real-secret", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await connections.ListAsync(userId, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/sandbox/")]
    [InlineData("http://localhost:{port}/sandbox")]
    public async Task A_loopback_url_ending_in_the_sandbox_prefix_is_not_the_embedded_sandbox(string url)
    {
        var userId = await portal.NewUserAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var connections = scope.ServiceProvider.GetRequiredService<ConnectionService>();
        using var trap = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        trap.Start();
        var port = ((IPEndPoint)trap.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sandbox = portal.Services.GetRequiredService<SandboxExchange>().Options.Demo;

        var refused = await Assert.ThrowsAsync<ConnectionRefusedException>(() => connections.AddAsync(
            userId, "Look-alike", url.Replace("{port}", port, StringComparison.Ordinal), sandbox.ApiKey, sandbox.ApiSecret,
            cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("DataProtection:Certificate:Path", refused.Message, StringComparison.Ordinal);
        Assert.False(trap.Pending());
    }

    [Fact]
    public async Task Sandbox_key_is_still_accepted_when_the_key_ring_is_unprotected()
    {
        var userId = await portal.NewUserAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var connections = scope.ServiceProvider.GetRequiredService<ConnectionService>();
        var sandbox = portal.Services.GetRequiredService<SandboxExchange>().Options.Demo;
        var sandboxUrl = portal.Services.GetRequiredService<PortalExchangeEndpoint>().BaseUrl;

        var added = await connections.AddAsync(userId, "Sandbox", sandboxUrl.AbsoluteUri, sandbox.ApiKey, sandbox.ApiSecret,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(added.CanRead);
    }

    /// <summary>Demo mode, Production environment, no certificate, on a real loopback port.</summary>
    public sealed class ProductionDemoPortal : ListeningPortal
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}

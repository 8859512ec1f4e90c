using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AllexPortal.Web.Tests.Prices;

/// <summary>
/// An exchange on a loopback port whose pair never traded: <c>GET /v2/chart</c> answers an empty list (as the Kit does
/// for a span without trades) and counts the requests.
/// </summary>
public sealed class SilentExchange : IAsyncDisposable
{
    private readonly WebApplication app;
    private int chartRequests;

    private SilentExchange(WebApplication app) => this.app = app;

    /// <summary>Base URL without <c>/v2</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public int ChartRequests => Volatile.Read(ref chartRequests);

    public static async Task<SilentExchange> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var exchange = new SilentExchange(app);
        app.MapGet("/v2/chart", () =>
        {
            Interlocked.Increment(ref exchange.chartRequests);
            return Results.Text("[]", "application/json");
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        exchange.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return exchange;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AllexPortal.Sandbox;

/// <summary>A sandbox on a loopback Kestrel port chosen by the OS, for tests that need real HTTP.
/// <see cref="BaseAddress"/> ends with '/', so the API base is <c>new Uri(BaseAddress, "v2/")</c>.</summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Exchange = app.Services.GetRequiredService<SandboxExchange>();
    }

    /// <summary>Scheme, host, port and mount prefix, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The sandbox's own state, for assertions against its truth.</summary>
    public SandboxExchange Exchange { get; }

    /// <summary>Starts a sandbox on <c>127.0.0.1:0</c>, optionally under a path prefix such as <c>/sandbox</c>.</summary>
    public static async Task<SandboxServer> StartAsync(SandboxOptions options, TimeProvider? time = null, string pathPrefix = "",
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(SandboxServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }
        builder.Services.AddAllexSandbox(options);
        var app = builder.Build();
        app.UseAllexSandbox(new PathString(pathPrefix));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxServer(app, new Uri(address.TrimEnd('/') + pathPrefix + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

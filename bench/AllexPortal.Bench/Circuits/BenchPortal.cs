using System.Net;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Bench.Circuits;

/// <summary>
/// The portal in demo mode (embedded sandbox, its own SQLite file) on Kestrel at a free loopback port, in the bench's
/// process so the bench can read the server's managed heap directly. Bench-only additions: a middleware counting the
/// requests that reach the sandbox exchange and a circuit handler counting open circuits.
/// </summary>
public sealed class BenchPortal : WebApplicationFactory<Program>
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "allexportal-bench-circuits", Guid.NewGuid().ToString("N"));

    public ExchangeCallCounter Calls { get; } = new();

    public CircuitCounter Circuits { get; } = new();

    /// <summary>The portal's address, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public void Start()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // The project sits under src/, not beside the solution, where the factory would look by default.
        builder.UseSolutionRelativeContentRoot("src/AllexPortal.Web");
        builder.UseSetting("ConnectionStrings:PortalDb", $"Data Source={Path.Combine(folder, "portal.db")}");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new ExchangeCallCounter.Filter(Calls, "/sandbox"));
            services.AddScoped<CircuitHandler>(_ => new CircuitCounter.Handler(Circuits));
            // A closed tab's circuit is dropped at once, so retained memory is that of live circuits only.
            services.Configure<CircuitOptions>(o => o.DisconnectedCircuitMaxRetained = 0);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

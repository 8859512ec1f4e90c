using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AllexPortal.Web.Hosting;

/// <summary>
/// Where the portal listens: <see cref="DefaultUrl"/> unless <c>--urls</c>, <c>ASPNETCORE_URLS</c>,
/// <c>ASPNETCORE_HTTP_PORTS</c> or Kestrel endpoints say otherwise; the address is printed at start so
/// a person running it knows what to open.
/// </summary>
internal static class PortalAddress
{
    /// <summary>The address used when nothing else is configured.</summary>
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplicationBuilder UsePortalDefaultUrl(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var configured = !string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey])
            || !string.IsNullOrEmpty(configuration[WebHostDefaults.HttpPortsKey])
            || !string.IsNullOrEmpty(configuration[WebHostDefaults.HttpsPortsKey])
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!configured)
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // No "Server: Kestrel" header: nothing tells a scanner what serves the portal (ASVS 5.0 13.4.6).
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        return builder;
    }

    public static WebApplication PrintAddressOnStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            foreach (var address in addresses ?? [])
            {
                app.Logger.LogInformation("AllexPortal is running at {Address}", address);
            }
        });
        return app;
    }
}

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Exchange;

/// <summary>
/// The base URL the portal's exchange client calls: the configured exchange, or in demo mode this portal's
/// own listening address plus the sandbox prefix (known only once the server has bound its port).
/// </summary>
public sealed class PortalExchangeEndpoint(IOptions<PortalExchangeOptions> options, IServer server)
{
    public Uri BaseUrl => options.Value.BaseUrl ?? DemoBaseUrl()
        ?? throw new InvalidOperationException("The demo exchange is reachable only once the portal is listening.");

    /// <summary>The embedded sandbox's base URL in demo mode once the portal listens; otherwise null.</summary>
    public Uri? EmbeddedSandboxBaseUrl => options.Value.IsDemo ? DemoBaseUrl() : null;

    private Uri? DemoBaseUrl()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            return null;
        }

        var local = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal));
        local.Path = options.Value.SandboxPrefix.TrimEnd('/') + "/";
        return local.Uri;
    }
}

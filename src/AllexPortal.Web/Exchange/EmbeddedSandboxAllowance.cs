using System.Net;
using AllexPortal.Exchange.Configuration;

namespace AllexPortal.Web.Exchange;

/// <summary>
/// In demo mode, allows the exchange client to call the embedded sandbox: exactly its base URL (this portal's own
/// listening address plus the sandbox prefix, never "any loopback URL ending in /sandbox") and exactly the
/// addresses that URL names on the portal's port. Outside demo mode, and before the portal listens, it allows nothing.
/// </summary>
public sealed class EmbeddedSandboxAllowance(PortalExchangeEndpoint endpoint) : IExchangeAllowances
{
    /// <inheritdoc />
    public IEnumerable<Uri> BaseUrls => endpoint.EmbeddedSandboxBaseUrl is { } sandbox ? [sandbox] : [];

    /// <inheritdoc />
    public IEnumerable<IPEndPoint> Endpoints
    {
        get
        {
            if (endpoint.EmbeddedSandboxBaseUrl is not { } sandbox)
            {
                return [];
            }

            if (IPAddress.TryParse(sandbox.Host.Trim('[', ']'), out var address))
            {
                return [new IPEndPoint(address, sandbox.Port)];
            }

            return string.Equals(sandbox.Host, "localhost", StringComparison.OrdinalIgnoreCase)
                ? [new IPEndPoint(IPAddress.Loopback, sandbox.Port), new IPEndPoint(IPAddress.IPv6Loopback, sandbox.Port)]
                : [];
        }
    }
}

using System.Net;

namespace AllexPortal.Exchange.Http;

/// <summary>
/// Resolves an exchange's host name when a connection is opened, so the connection guard checks the addresses
/// actually connected to (not the ones seen when a URL was typed: DNS may change in between). The default uses the
/// system resolver; tests register one that makes a name resolve to any address without real DNS.
/// </summary>
public interface IExchangeHostResolver
{
    /// <summary>The addresses <paramref name="host"/> resolves to now.</summary>
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

/// <summary>The system resolver (<see cref="Dns.GetHostAddressesAsync(string, CancellationToken)"/>).</summary>
internal sealed class SystemExchangeHostResolver : IExchangeHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}

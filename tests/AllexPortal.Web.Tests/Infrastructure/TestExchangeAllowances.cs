using System.Collections.Concurrent;
using System.Net;
using AllexPortal.Exchange.Configuration;

namespace AllexPortal.Web.Tests.Infrastructure;

/// <summary>
/// Exchanges a test starts after the portal (a stub on a fresh loopback port) allowed explicitly, as an operator
/// would list them under <c>Exchange:AllowedBaseUrls</c> and <c>Exchange:AllowedAddresses</c>: exactly that base
/// URL and that address and port, nothing wider.
/// </summary>
public sealed class TestExchangeAllowances : IExchangeAllowances
{
    private readonly ConcurrentDictionary<Uri, bool> allowed = new();

    /// <summary>Allows <paramref name="baseUrl"/>, whose host must be an IP address (the stub's loopback address).</summary>
    public void Allow(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        _ = IPAddress.Parse(baseUrl.Host.Trim('[', ']'));
        allowed[baseUrl] = true;
    }

    /// <inheritdoc />
    public IEnumerable<Uri> BaseUrls => allowed.Keys;

    /// <inheritdoc />
    public IEnumerable<IPEndPoint> Endpoints => allowed.Keys.Select(u => new IPEndPoint(IPAddress.Parse(u.Host.Trim('[', ']')), u.Port));
}

using System.Net;
using System.Net.Sockets;
using AllexPortal.Exchange.Errors;

namespace AllexPortal.Exchange.Http;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of the shared exchange pipeline: resolves the host when the
/// connection is opened and refuses, before any socket exists, when any address it resolves to is not allowed by
/// <see cref="ExchangeOutboundPolicy.IsAllowedAddress"/>. It then connects to exactly the addresses it checked, so
/// a name cannot be re-resolved to something else between check and connect (DNS rebinding).
/// </summary>
internal sealed class ExchangeConnectGuard(ExchangeOutboundPolicy policy, IExchangeHostResolver resolver)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var port = context.DnsEndPoint.Port;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0 || addresses.Any(address => !policy.IsAllowedAddress(address, port)))
        {
            throw Refused($"The exchange's host resolves to an address this portal does not connect to (loopback, private, link-local or otherwise internal). An operator can allow an exact address under Exchange:AllowedAddresses.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses.Select(ExchangeOutboundPolicy.Canonical).ToArray(), port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        try
        {
            return await resolver.ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            throw Refused("The exchange's host name could not be resolved. Check the exchange's address.", ExchangeErrorKind.Unreachable);
        }
    }

    private static ExchangeApiException Refused(string message, ExchangeErrorKind kind = ExchangeErrorKind.DestinationRefused) =>
        new(kind, message, "(connect)");
}

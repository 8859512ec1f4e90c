using System.Net;

namespace AllexPortal.Exchange.Http;

/// <summary>Parses an <see cref="Configuration.AllexClientOptions.AllowedAddresses"/> entry: an IP address, or an
/// address with a port (<c>127.0.0.1:5090</c>, <c>[::1]:5090</c>). Port 0 stands for any port.</summary>
internal static class AllowedAddress
{
    public static bool TryParse(string? text, out IPEndPoint endpoint)
    {
        endpoint = new IPEndPoint(IPAddress.None, 0);
        var trimmed = text?.Trim() ?? "";
        if (!IPEndPoint.TryParse(trimmed, out var parsed) || !IsCanonicalAddress(AddressPart(trimmed)))
        {
            return false;
        }

        endpoint = new IPEndPoint(ExchangeOutboundPolicy.Canonical(parsed.Address), parsed.Port);
        return true;
    }

    /// <summary>The address as written: inside brackets, before an IPv4 address's port, or the whole text.</summary>
    private static string AddressPart(string text) =>
        text.StartsWith('[') ? text[1..text.IndexOf(']', StringComparison.Ordinal)]
        : text.Count(c => c == ':') == 1 ? text[..text.IndexOf(':', StringComparison.Ordinal)]
        : text;

    /// <summary>Only the usual dotted-quad or IPv6 spelling: "2130706433" or "0x7f.1" in an allowance would
    /// be too easy to misread.</summary>
    private static bool IsCanonicalAddress(string text) =>
        text.Contains(':', StringComparison.Ordinal)
        || (text.Split('.') is { Length: 4 } parts && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit) && (p.Length == 1 || p[0] != '0')));
}

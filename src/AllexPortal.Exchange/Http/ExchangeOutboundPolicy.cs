using System.Net;
using System.Net.Sockets;
using AllexPortal.Exchange.Configuration;
using Microsoft.Extensions.Options;

namespace AllexPortal.Exchange.Http;

/// <summary>
/// The one outbound policy for every exchange request (ASVS V15/V12 server-side request forgery): a request may
/// go only under an allowed base URL (<see cref="AllexClientOptions.BaseUrl"/>,
/// <see cref="AllexClientOptions.AllowedBaseUrls"/> and the host's <see cref="IExchangeAllowances"/>), matched on
/// scheme, host, port and path prefix - never by a suffix - and may connect only to public addresses or to the
/// exact non-public addresses the operator allowed. Stored connections from before a policy change are checked
/// the same way at call time, because the check sits in the HTTP pipeline every client shares.
/// </summary>
public sealed class ExchangeOutboundPolicy
{
    private readonly IOptions<AllexClientOptions> options;
    private readonly IEnumerable<IExchangeAllowances> allowances;

    /// <summary>Creates the policy from the client's options and the host's run-time allowances.</summary>
    public ExchangeOutboundPolicy(IOptions<AllexClientOptions> options, IEnumerable<IExchangeAllowances> allowances)
    {
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        this.allowances = allowances ?? throw new ArgumentNullException(nameof(allowances));
    }

    /// <summary>The allowed exchanges' base URLs now (the configured exchange first), e.g. to offer them in a form.</summary>
    public IReadOnlyList<Uri> AllowedBaseUrls()
    {
        var settings = options.Value;
        var bases = settings.AllowedBaseUrls.AsEnumerable();
        if (settings.BaseUrl is { } configured)
        {
            bases = bases.Prepend(configured);
        }

        return [.. allowances.SelectMany(a => a.BaseUrls).Concat(bases).DistinctBy(u => AllexApiBase.From(u).ApiRoot.AbsoluteUri, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The allowed API roots (base URL + <c>/v2</c>) now.</summary>
    public IReadOnlyList<Uri> AllowedApiRoots() => [.. AllowedBaseUrls().Select(u => AllexApiBase.From(u).ApiRoot)];

    /// <summary>True when <paramref name="baseUrl"/> (with or without <c>/v2</c>) is an allowed exchange.</summary>
    public bool IsAllowedBaseUrl(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!IsPlainHttp(baseUrl))
        {
            return false;
        }

        return AllowedBaseUrls().Any(allowed => SameExchange(allowed, baseUrl));
    }

    /// <summary>True when two base URLs name the same exchange API: the same scheme, host, port and API path (never
    /// a suffix of it).</summary>
    public static bool SameExchange(Uri a, Uri b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var first = AllexApiBase.From(a).ApiRoot;
        var second = AllexApiBase.From(b).ApiRoot;
        return SameOrigin(first, second) && SamePath(first.AbsolutePath, second.AbsolutePath);
    }

    /// <summary>True when <paramref name="requestUri"/> lies under an allowed API root.</summary>
    public bool IsAllowedRequest(Uri? requestUri)
    {
        if (requestUri is null || !IsPlainHttp(requestUri))
        {
            return false;
        }

        var path = requestUri.AbsolutePath;
        return AllowedApiRoots().Any(allowed => SameOrigin(allowed, requestUri)
            && (SamePath(allowed.AbsolutePath, path) || path.StartsWith(allowed.AbsolutePath.TrimEnd('/') + "/", StringComparison.Ordinal)));
    }

    /// <summary>True when the guard may connect to <paramref name="address"/> on <paramref name="port"/>: a public
    /// address, or a non-public one the operator (or the host's allowances) named exactly.</summary>
    public bool IsAllowedAddress(IPAddress address, int port)
    {
        ArgumentNullException.ThrowIfNull(address);
        var canonical = Canonical(address);
        if (!IsNonPublic(canonical))
        {
            return true;
        }

        var configured = options.Value.AllowedAddresses
            .Select(text => AllowedAddress.TryParse(text, out var endpoint) ? endpoint : null)
            .OfType<IPEndPoint>();
        return configured.Concat(allowances.SelectMany(a => a.Endpoints))
            .Any(allowed => Canonical(allowed.Address).Equals(canonical) && (allowed.Port == 0 || allowed.Port == port));
    }

    /// <summary>The address in one spelling: IPv4-mapped IPv6 (<c>::ffff:127.0.0.1</c>) as IPv4, no scope id.</summary>
    public static IPAddress Canonical(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0
            ? new IPAddress(address.GetAddressBytes())
            : address;
    }

    /// <summary>
    /// True for every address that is not plainly public: unspecified (0.0.0.0, ::), loopback (127/8, ::1), private
    /// (10/8, 172.16/12, 192.168/16), shared (100.64/10), link-local (169.254/16, fe80::/10), IETF and benchmarking
    /// blocks, multicast (224/4, ff00::/8), reserved (240/4, broadcast), unique-local (fc00::/7), site-local
    /// (fec0::/10), and IPv6 forms embedding IPv4 (IPv4-compatible, 6to4 2002::/16, NAT64 64:ff9b::/96) whose IPv4
    /// part is not public.
    /// </summary>
    public static bool IsNonPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var ip = Canonical(address);
        var b = ip.GetAddressBytes();
        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            return b[0] is 0 or 10 or 127 or >= 224
                || (b[0] == 100 && (b[1] & 0xC0) == 64)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && (b[1] & 0xF0) == 16)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
                || (b[0] == 198 && (b[1] & 0xFE) == 18)
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113);
        }

        if (ip.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return true;
        }

        if (ip.Equals(IPAddress.IPv6Any) || ip.Equals(IPAddress.IPv6Loopback) || ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal
            || ip.IsIPv6Multicast || (b[0] & 0xFE) == 0xFC || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8))
        {
            return true;
        }

        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return IsNonPublic(new IPAddress(b.AsSpan(12, 4)));
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return IsNonPublic(new IPAddress(b.AsSpan(2, 4)));
        }

        return b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0
            && IsNonPublic(new IPAddress(b.AsSpan(12, 4)));
    }

    private static bool IsPlainHttp(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.UserInfo.Length == 0;

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && a.Port == b.Port && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase);

    private static bool SamePath(string a, string b) => string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.Ordinal);
}

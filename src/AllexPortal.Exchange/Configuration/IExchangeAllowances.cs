using System.Net;

namespace AllexPortal.Exchange.Configuration;

/// <summary>
/// Allowances the host knows only at run time, added to <see cref="AllexClientOptions.AllowedBaseUrls"/> and
/// <see cref="AllexClientOptions.AllowedAddresses"/>: the portal's demo registers its own embedded sandbox here,
/// whose address exists only once the server has bound its port. Asked on every request, so keep it cheap.
/// </summary>
public interface IExchangeAllowances
{
    /// <summary>Base URLs (without <c>/v2</c>) allowed now; matched exactly like the configured ones.</summary>
    IEnumerable<Uri> BaseUrls { get; }

    /// <summary>Non-public endpoints allowed now (port 0: any port of that address).</summary>
    IEnumerable<IPEndPoint> Endpoints { get; }
}

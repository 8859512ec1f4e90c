namespace AllexPortal.Web.Audit;

/// <summary>
/// The current client's IP address for the audit log. In an HTTP request it is read from the request; an
/// interactive circuit has no request of its own, so the address seen when the page was first requested is
/// kept here for the circuit's lifetime (see <see cref="Capture"/>).
/// </summary>
public sealed class ClientAddress(IHttpContextAccessor accessor)
{
    private string? captured;

    /// <summary>The address, or null when unknown (background work).</summary>
    public string? Value => captured ?? accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    /// <summary>Keeps <paramref name="address"/> for later reads in this scope.</summary>
    public void Capture(string? address) => captured = address ?? captured;
}

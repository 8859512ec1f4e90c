namespace AllexPortal.Web.Exchange;

/// <summary>
/// Which exchange the portal talks to (section <c>Exchange</c>). With no <see cref="BaseUrl"/> the portal runs
/// in demo mode: the sandbox exchange is mounted in-process under <see cref="SandboxPrefix"/> and called over
/// real HTTP like any exchange, so the portal works with no account and no network.
/// The same section also configures the exchange client, including its outbound policy: <c>Exchange:AllowedBaseUrls</c>
/// (exchanges users may connect to besides this one; in demo mode the embedded sandbox is allowed exactly) and
/// <c>Exchange:AllowedAddresses</c> (exact loopback or private addresses an allowed exchange may resolve to).
/// </summary>
public sealed class PortalExchangeOptions
{
    public const string SectionName = "Exchange";

    /// <summary>Base URL of a HollaEx Kit exchange, e.g. <c>https://api.allex.online</c> (<c>/v2</c> is appended).
    /// Default: none, which means demo mode.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Path under which the demo mounts the sandbox. Default <c>/sandbox</c>.</summary>
    public string SandboxPrefix { get; set; } = "/sandbox";

    /// <summary>True when no exchange is configured and the embedded sandbox serves instead.</summary>
    public bool IsDemo => BaseUrl is null;

    /// <summary>The section as configured, for registrations that decide at start-up (before options are built)
    /// whether the portal runs as a demo.</summary>
    public static PortalExchangeOptions From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<PortalExchangeOptions>() ?? new PortalExchangeOptions();
}

namespace AllexPortal.Exchange.Configuration;

/// <summary>
/// Settings of the exchange client, bound from configuration (<c>Exchange</c> section in the portal) and
/// validated at start. Defaults follow the reference: 4 requests/s per host, 60 s signature expiry.
/// </summary>
public sealed class AllexClientOptions
{
    /// <summary>
    /// The exchange's API root, without <c>/v2</c>: <c>https://api.allex.online</c>, or a prefixed mount such as
    /// <c>http://localhost:5000/sandbox/</c>. Used by the directly injected <c>IAllexPublicApi</c>.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>How long a signed request stays valid (<c>api-expires</c> = now + this).</summary>
    public TimeSpan SignatureLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Requests per second this process sends to one exchange host, all users together.</summary>
    public int RequestsPerSecond { get; set; } = 4;

    /// <summary>Requests allowed at once before the per-second pace applies.</summary>
    public int BurstSize { get; set; } = 4;

    /// <summary>Requests that may wait for the budget before new ones are refused.</summary>
    public int QueueLimit { get; set; } = 512;

    /// <summary>Time allowed for one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed for a call including its retries and waits.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of an idempotent GET after a transient fault.</summary>
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>First back-off delay (doubled per retry, with jitter) when the exchange gives no Retry-After.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest Retry-After honoured by waiting inside a call; a longer one (the Kit's 2-minute blocks) fails
    /// the call at once with <c>RetryAfter</c> set, so a page is not frozen for minutes.
    /// </summary>
    public TimeSpan MaxRetryAfterWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Base URLs (without <c>/v2</c>) the client may call besides <see cref="BaseUrl"/>, matched exactly on scheme,
    /// host, port and path prefix. Every request of every client the factory builds is checked against them (and
    /// <see cref="IExchangeAllowances"/> registered by the host) before it is sent; anything else is refused with
    /// <see cref="Errors.ExchangeErrorKind.DestinationRefused"/>. Empty with no <see cref="BaseUrl"/>: nothing is allowed.
    /// </summary>
    public IList<Uri> AllowedBaseUrls { get; } = [];

    /// <summary>
    /// IP addresses (<c>10.0.0.5</c>) or address:port pairs (<c>127.0.0.1:5090</c>, <c>[::1]:5090</c>) the connection
    /// guard lets through although they are loopback, private, link-local, unique-local, multicast or otherwise not
    /// public. Only these exact addresses: a name resolving to any other such address is refused before connecting.
    /// </summary>
    public IList<string> AllowedAddresses { get; } = [];

    /// <summary>Largest answer body read from the exchange (JSON or CSV); a longer one fails the call. Default 64 MB.</summary>
    public long MaxResponseBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Time allowed to read an answer's body once its headers arrived (the attempt timeout ends at the headers); a
    /// body trickling in slower fails the call. Default 2 minutes, enough for a large CSV export.
    /// </summary>
    public TimeSpan ResponseBodyTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Describes what is wrong with these settings, or returns null when they are usable.</summary>
    public string? Validate()
    {
        if (AllowedBaseUrls.Any(u => u is null || !u.IsAbsoluteUri || (u.Scheme != Uri.UriSchemeHttp && u.Scheme != Uri.UriSchemeHttps) || u.UserInfo.Length > 0))
        {
            return "Exchange AllowedBaseUrls must be absolute http(s) URLs without user information.";
        }

        if (AllowedAddresses.Any(a => !Http.AllowedAddress.TryParse(a, out _)))
        {
            return "Exchange AllowedAddresses must be IP addresses, optionally with a port (10.0.0.5, 127.0.0.1:5090, [::1]:5090).";
        }

        if (MaxResponseBytes < 1024 || ResponseBodyTimeout <= TimeSpan.Zero)
        {
            return "Exchange MaxResponseBytes must be at least 1024 and ResponseBodyTimeout positive.";
        }

        if (BaseUrl is { IsAbsoluteUri: false })
        {
            return "Exchange BaseUrl must be an absolute http(s) URL.";
        }

        if (BaseUrl is { } url && url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            return "Exchange BaseUrl must use http or https.";
        }

        if (RequestsPerSecond < 1 || BurstSize < 1 || QueueLimit < 0)
        {
            return "Exchange RequestsPerSecond and BurstSize must be at least 1, QueueLimit not negative.";
        }

        if (SignatureLifetime <= TimeSpan.Zero || AttemptTimeout <= TimeSpan.Zero || TotalTimeout < AttemptTimeout)
        {
            return "Exchange timeouts must be positive, and TotalTimeout at least AttemptTimeout.";
        }

        return MaxRetryAttempts is < 0 or > 10 ? "Exchange MaxRetryAttempts must be between 0 and 10." : null;
    }
}

namespace AllexPortal.Exchange.Errors;

/// <summary>What went wrong, in the terms a caller decides on (re-enter the key, wait, report a bug).</summary>
public enum ExchangeErrorKind
{
    /// <summary>400 and other business refusals: invalid symbol, insufficient balance, wrong OTP.</summary>
    Rejected,

    /// <summary>401: key, secret, signature, expiry or session token not accepted.</summary>
    CredentialsRejected,

    /// <summary>403, or a 401 naming a missing key permission or a non-whitelisted IP.</summary>
    PermissionDenied,

    /// <summary>404: unknown id, coin or route.</summary>
    NotFound,

    /// <summary>429 from the exchange, or this process's own per-host budget ran out.</summary>
    RateLimited,

    /// <summary>500 with <c>failedValidation</c>: the exchange's schema refused the request (a client bug).</summary>
    InvalidRequest,

    /// <summary>5xx: the exchange or its upstream failed.</summary>
    ServerError,

    /// <summary>Recent calls to this host failed so often that calls are paused for a while.</summary>
    Unavailable,

    /// <summary>No answer within the configured time.</summary>
    Timeout,

    /// <summary>The host could not be reached at all (DNS, connection refused, TLS).</summary>
    Unreachable,

    /// <summary>The answer was not the JSON this client understands.</summary>
    MalformedResponse,

    /// <summary>
    /// The portal's outbound policy refused the destination before anything was sent: the base URL is not an
    /// allowed exchange, the host resolves to a loopback, private, link-local or multicast address the operator did
    /// not allow, or the exchange answered with a redirect (never followed).
    /// </summary>
    DestinationRefused,
}

using System.Net;

namespace AllexPortal.Exchange.Errors;

/// <summary>
/// The one exception every exchange call throws (apart from caller cancellation). Its message tells the user
/// what to do; <see cref="ExchangeMessage"/> is the exchange's own text (possibly translated, never parsed for
/// logic); it never contains a secret or token.
/// </summary>
public sealed class ExchangeApiException : Exception
{
    /// <summary>Creates an exception for one failed call.</summary>
    public ExchangeApiException(
        ExchangeErrorKind kind,
        string message,
        string endpoint,
        HttpStatusCode? statusCode = null,
        string? exchangeMessage = null,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Endpoint = endpoint;
        StatusCode = statusCode;
        ExchangeMessage = exchangeMessage;
        RetryAfter = retryAfter;
    }

    /// <summary>Creates an exception without call details (required by the exception pattern).</summary>
    public ExchangeApiException()
        : this(ExchangeErrorKind.ServerError, "The exchange call failed.", string.Empty)
    {
    }

    /// <summary>Creates an exception without call details (required by the exception pattern).</summary>
    public ExchangeApiException(string message)
        : this(ExchangeErrorKind.ServerError, message, string.Empty)
    {
    }

    /// <summary>Creates an exception without call details (required by the exception pattern).</summary>
    public ExchangeApiException(string message, Exception innerException)
        : this(ExchangeErrorKind.ServerError, message, string.Empty, innerException: innerException)
    {
    }

    public ExchangeErrorKind Kind { get; }

    /// <summary>Method and path of the call, e.g. <c>GET /v2/user/balance</c> (query string left out).</summary>
    public string Endpoint { get; }

    /// <summary>HTTP status, when the exchange answered at all.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The <c>message</c> field of the exchange's error body, if it sent one.</summary>
    public string? ExchangeMessage { get; }

    /// <summary>How long the exchange asked us to wait (<c>Retry-After</c>), if it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>
    /// True when the answer means the exchange does not offer this optional feature (balance history,
    /// profit and loss) rather than that the call failed.
    /// </summary>
    public bool IsFeatureNotOffered =>
        Kind == ExchangeErrorKind.NotFound
        || (Kind is ExchangeErrorKind.Rejected or ExchangeErrorKind.PermissionDenied or ExchangeErrorKind.ServerError
            && ExchangeMessage is { } text
            && FeatureOffMarkers.Any(marker => text.Contains(marker, StringComparison.OrdinalIgnoreCase)));

    private static readonly string[] FeatureOffMarkers =
        ["not supported", "not active", "not enabled", "not available", "feature", "plan"];
}

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace AllexPortal.Exchange.Errors;

/// <summary>
/// Turns every way a call can fail (status codes, unreadable bodies, resilience verdicts, transport errors)
/// into an <see cref="ExchangeApiException"/> with a message a user can act on.
/// </summary>
internal sealed class ExchangeErrorTranslation(TimeProvider timeProvider)
{
    private const int MaxErrorBodyChars = 16_384;

    /// <summary>Longest exchange <c>message</c> passed on to users; the rest of an error body never is.</summary>
    internal const int MaxExchangeMessageChars = 200;

    public async ValueTask<Exception?> FromResponseAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var endpoint = EndpointOf(response.RequestMessage);
        var body = await ReadBoundedAsync(response).ConfigureAwait(false);
        var (exchangeMessage, failedValidation) = ParseErrorBody(body);
        var status = response.StatusCode;
        var retryAfter = RetryAfterOf(response.Headers.RetryAfter);
        var kind = KindOf(status, exchangeMessage, failedValidation);
        var said = exchangeMessage is null ? string.Empty : $" The exchange said: \"{exchangeMessage}\".";
        var code = (int)status;
        var message = kind switch
        {
            // The Kit answers "Invalid API Key" for a key it does not hold (any more): for a stored, once-working key
            // that means it was revoked, the one thing the user must understand at once from a card or dashboard.
            ExchangeErrorKind.CredentialsRejected when exchangeMessage?.Contains("Invalid API Key", StringComparison.OrdinalIgnoreCase) == true =>
                $"The API key was revoked or is unknown to the exchange (HTTP 401).{said} A revoked key never works again: create a new key and replace this one.",
            ExchangeErrorKind.CredentialsRejected =>
                $"The exchange did not accept the credentials for {endpoint} (HTTP 401).{said} Check that the API key and secret are correct and not revoked or expired, that the session has not ended, and that this server's clock is accurate.",
            ExchangeErrorKind.PermissionDenied =>
                $"The credentials are valid but not allowed to call {endpoint} (HTTP {code}).{said} Enable the needed permission (read, trade or withdraw) or this server's IP on the exchange, or use another key.",
            ExchangeErrorKind.NotFound =>
                $"The exchange has no such resource: {endpoint} (HTTP 404).{said} Check the id, coin or symbol, and that the base URL points at a HollaEx exchange.",
            ExchangeErrorKind.RateLimited =>
                $"The exchange is limiting requests from this server (HTTP 429).{said} Wait {Describe(retryAfter ?? TimeSpan.FromMinutes(2))} before trying again.",
            ExchangeErrorKind.InvalidRequest =>
                $"The exchange refused the request format of {endpoint} (HTTP {code}).{said} This is a bug in the portal; please report it.",
            ExchangeErrorKind.ServerError =>
                $"The exchange failed to answer {endpoint} (HTTP {code}).{said} It is probably a temporary problem on the exchange; try again later.",
            _ => $"The exchange refused {endpoint} (HTTP {code}).{said}",
        };
        return new ExchangeApiException(kind, message, endpoint, status, exchangeMessage, retryAfter);
    }

    public ValueTask<Exception?> FromDeserialization(HttpResponseMessage response, Exception exception)
    {
        if (exception is ExchangeApiException limited)
        {
            return ValueTask.FromResult<Exception?>(limited);
        }

        var endpoint = EndpointOf(response.RequestMessage);
        return ValueTask.FromResult<Exception?>(new ExchangeApiException(
            ExchangeErrorKind.MalformedResponse,
            $"The answer to {endpoint} is not the JSON this client expects. Check that the base URL points at the exchange's API and not at a web page or proxy.",
            endpoint,
            response.StatusCode,
            innerException: exception));
    }

    public Exception FromTransport(HttpRequestMessage request, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is ExchangeApiException || (exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return exception;
        }

        var endpoint = EndpointOf(request);
        return exception switch
        {
            TimeoutRejectedException timeout => new ExchangeApiException(
                ExchangeErrorKind.Timeout,
                $"The exchange did not answer {endpoint} within {Describe(timeout.Timeout)}. It may be slow or unreachable; try again later.",
                endpoint,
                innerException: exception),
            OperationCanceledException => new ExchangeApiException(
                ExchangeErrorKind.Timeout,
                $"The exchange did not answer {endpoint} in time. It may be slow or unreachable; try again later.",
                endpoint,
                innerException: exception),
            BrokenCircuitException => new ExchangeApiException(
                ExchangeErrorKind.Unavailable,
                "Calls to this exchange are paused for a short while after repeated failures. Try again in a minute.",
                endpoint,
                innerException: exception),
            RateLimiterRejectedException limited => new ExchangeApiException(
                ExchangeErrorKind.RateLimited,
                $"This server has used its request budget for the exchange. Try again in {Describe(limited.RetryAfter ?? TimeSpan.FromSeconds(1))}.",
                endpoint,
                retryAfter: limited.RetryAfter,
                innerException: exception),
            HttpRequestException { InnerException: ExchangeApiException refused } => new ExchangeApiException(
                refused.Kind, refused.Message, endpoint, innerException: exception),
            // The transport's own text names addresses, ports and what a host answered ("Connection refused
            // (10.0.0.5:6379)"): enough to scan a network with, so the user sees only what failed.
            HttpRequestException => new ExchangeApiException(
                ExchangeErrorKind.Unreachable,
                $"The exchange could not be reached for {endpoint} (no connection, or it broke off). Check the exchange's address and this server's network.",
                endpoint,
                innerException: exception),
            _ => exception,
        };
    }

    internal static string EndpointOf(HttpRequestMessage? request) =>
        request?.RequestUri is { } uri
            ? $"{request.Method.Method} {(uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0])}"
            : "(unknown endpoint)";

    private static ExchangeErrorKind KindOf(HttpStatusCode status, string? exchangeMessage, bool failedValidation) => (int)status switch
    {
        401 when exchangeMessage is { } text
            && (text.Contains("right permissions", StringComparison.OrdinalIgnoreCase)
                || text.Contains("IP address", StringComparison.OrdinalIgnoreCase)) => ExchangeErrorKind.PermissionDenied,
        401 => ExchangeErrorKind.CredentialsRejected,
        403 => ExchangeErrorKind.PermissionDenied,
        404 => ExchangeErrorKind.NotFound,
        429 => ExchangeErrorKind.RateLimited,
        500 when failedValidation => ExchangeErrorKind.InvalidRequest,
        >= 500 => ExchangeErrorKind.ServerError,
        _ => ExchangeErrorKind.Rejected,
    };

    private TimeSpan? RetryAfterOf(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - timeProvider.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static (string? Message, bool FailedValidation) ParseErrorBody(string body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return (null, false);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var message = root.TryGetProperty("message", out var text) && text.ValueKind == JsonValueKind.String ? PlainText(text.GetString()) : null;
            var failed = root.TryGetProperty("failedValidation", out var flag) && flag.ValueKind == JsonValueKind.True;
            return (message, failed);
        }
        catch (JsonException)
        {
            return (null, false);
        }
    }

    /// <summary>The exchange's message as one line of plain text: control characters and markup brackets dropped,
    /// white space collapsed, cut at <see cref="MaxExchangeMessageChars"/>.</summary>
    internal static string? PlainText(string? message)
    {
        if (message is null)
        {
            return null;
        }

        var builder = new System.Text.StringBuilder(Math.Min(message.Length, MaxExchangeMessageChars));
        foreach (var c in message)
        {
            if (builder.Length >= MaxExchangeMessageChars)
            {
                builder.Append('…');
                break;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else if (c is not ('<' or '>') && !char.IsSurrogate(c) && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)
            {
                builder.Append(c);
            }
        }

        var text = builder.ToString().Trim();
        return text.Length == 0 ? null : text;
    }

    private static async Task<string> ReadBoundedAsync(HttpResponseMessage response)
    {
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var reader = new StreamReader(stream);
        var buffer = new char[MaxErrorBodyChars];
        var read = await reader.ReadBlockAsync(buffer).ConfigureAwait(false);
        return new string(buffer, 0, read);
    }

    private static string Describe(TimeSpan span) =>
        span.TotalSeconds < 1
            ? $"{span.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms"
            : span.TotalMinutes < 2
                ? $"{Math.Ceiling(span.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s"
                : $"{Math.Ceiling(span.TotalMinutes).ToString(CultureInfo.InvariantCulture)} minutes";
}

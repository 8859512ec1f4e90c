using AllexPortal.Exchange;
using AllexPortal.Exchange.Errors;
using AllexPortal.Exchange.Paging;
using AllexPortal.Web.Access;
using AllexPortal.Web.Connections;
using Microsoft.Net.Http.Headers;

namespace AllexPortal.Web.History;

/// <summary>
/// Streams the exchange's own CSV (<c>format=csv</c>) of a connection's trades, deposits or withdrawals to the
/// browser, unchanged. The status is decided only after the exchange's first bytes arrived; a failure after that
/// aborts the download instead of ending it, so a half file is never presented as complete. The connection must be
/// in the workspace named by <c>?workspace=</c> (absent: personal) and the user must hold
/// <see cref="PortalPermission.Export"/> there.
/// </summary>
public sealed class ExchangeCsvPassthrough(
    ConnectionService connections, PortalAccess access, TimeProvider time, ILogger<ExchangeCsvPassthrough> logger)
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>The files offered: the exchange's CSV exports of these histories.</summary>
    public static IReadOnlyList<string> Files { get; } = ["trades.csv", "deposits.csv", "withdrawals.csv"];

    /// <summary>Answers <c>GET /history/exchange/{connectionId}/{file}</c>; query: <c>symbol</c> (trades) or
    /// <c>currency</c>, and <c>from</c>/<c>to</c> (ISO-8601).</summary>
    public async Task<IResult> ExportAsync(HttpContext http, string userId, Guid connectionId, string file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (string.IsNullOrEmpty(userId))
        {
            return Results.Unauthorized();
        }
        if (!Files.Contains(file, StringComparer.Ordinal))
        {
            return Results.Problem($"The exchange offers {string.Join(", ", Files)}.", statusCode: StatusCodes.Status404NotFound, title: "No such export.");
        }
        if (!HistoryQuery.TryParse(http.Request.Query, out var query, out var error))
        {
            return Results.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "The export's filter is not valid.");
        }
        var filter = http.Request.Query["currency"].ToString() is { Length: > 0 } currency ? currency.Trim().ToLowerInvariant() : query.Symbol;

        AllexApiKeyClient client;
        try
        {
            await access.DemandWorkspaceAsync(userId, query.Workspace, PortalPermission.Export, cancellationToken);
            if (!(await access.ConnectionsAsync(userId, query.Workspace, PortalPermission.Export, cancellationToken)).Contains(connectionId))
            {
                await access.DemandConnectionAsync(userId, connectionId, PortalPermission.Export, cancellationToken);
                throw new ConnectionNotFoundException(connectionId);
            }

            client = await connections.OpenClientAsync(userId, connectionId, PortalPermission.Export, cancellationToken);
        }
        catch (ConnectionNotFoundException e)
        {
            logger.LogWarning("User {UserId} asked for the exchange's {File} of connection {ConnectionId}, which is not theirs or does not exist.",
                userId, file, connectionId);
            return Results.Problem(e.Message, statusCode: StatusCodes.Status404NotFound, title: "No such connection.");
        }
        catch (AccessDeniedException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status403Forbidden, title: "Export not allowed.");
        }
        catch (ConnectionCredentialsUnreadableException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "The connection's key cannot be read.");
        }

        var range = new PageQuery { StartDate = query.From, EndDate = query.To };
        Stream upstream;
        byte[] first = new byte[ChunkSize];
        int firstLength;
        try
        {
            upstream = file switch
            {
                "trades.csv" => await client.User.ExportTradesCsvAsync(filter, range, cancellationToken),
                "deposits.csv" => await client.User.ExportDepositsCsvAsync(filter, range, cancellationToken),
                _ => await client.User.ExportWithdrawalsCsvAsync(filter, range, cancellationToken),
            };
        }
        catch (ExchangeApiException e)
        {
            return Failed(e, userId, connectionId, file);
        }

        await using (upstream)
        {
            try
            {
                firstLength = await upstream.ReadAtLeastAsync(first, first.Length, throwOnEndOfStream: false, cancellationToken);
            }
            catch (Exception e) when (e is IOException or HttpRequestException or ExchangeApiException)
            {
                return Failed(e, userId, connectionId, file);
            }

            var response = http.Response;
            response.ContentType = "text/csv; charset=utf-8";
            var name = $"allex-{Path.GetFileNameWithoutExtension(file)}-{time.GetUtcNow():yyyy-MM-dd}.csv";
            response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = name }.ToString();
            response.Headers.CacheControl = "no-store";
            await response.Body.WriteAsync(first.AsMemory(0, firstLength), cancellationToken);
            if (firstLength == first.Length)
            {
                try
                {
                    await upstream.CopyToAsync(response.Body, ChunkSize, cancellationToken);
                }
                catch (Exception e) when (e is IOException or HttpRequestException or ExchangeApiException)
                {
                    logger.LogWarning(e, "The exchange's {File} of connection {ConnectionId} broke off mid-way; aborting the download.", file, connectionId);
                    http.Abort();
                    return Results.Empty;
                }
            }
        }
        return Results.Empty;
    }

    private IResult Failed(Exception e, string userId, Guid connectionId, string file)
    {
        logger.LogWarning("The exchange's {File} of connection {ConnectionId} (user {UserId}) failed: {Kind} {Status}.",
            file, connectionId, userId, (e as ExchangeApiException)?.Kind, (e as ExchangeApiException)?.StatusCode);
        var (status, message) = e switch
        {
            ExchangeApiException { Kind: ExchangeErrorKind.RateLimited } x =>
                (StatusCodes.Status503ServiceUnavailable, $"The exchange is rate-limiting requests. {x.Message}"),
            ExchangeApiException { Kind: ExchangeErrorKind.Timeout } x => (StatusCodes.Status504GatewayTimeout, x.Message),
            ExchangeApiException x => (StatusCodes.Status502BadGateway, x.Message),
            _ => (StatusCodes.Status502BadGateway, "The exchange's answer broke off before any data arrived. Try again."),
        };
        var result = Results.Problem(message, statusCode: status, title: "The exchange's CSV could not be fetched.");
        return e is ExchangeApiException { RetryAfter: { } wait }
            ? new RetryAfterResult(result, wait)
            : result;
    }

    /// <summary>A problem answer with a <c>Retry-After</c> header, passing on how long the exchange asked us to wait.</summary>
    private sealed class RetryAfterResult(IResult inner, TimeSpan wait) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}

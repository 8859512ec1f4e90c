using AllexPortal.Exchange;
using AllexPortal.Exchange.Errors;
using AllexPortal.Exchange.Paging;
using AllexPortal.Web.Access;
using AllexPortal.Web.Connections;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace AllexPortal.Web.History;

/// <summary>
/// Streams the exchange's own CSV (<c>format=csv</c>) of a connection's trades, deposits or withdrawals to the
/// browser. Only an answer the exchange declares as CSV passes (the client refuses any other content type, caps
/// its size at <c>Exchange:MaxResponseBytes</c> and its reading time at <c>Exchange:ResponseBodyTimeout</c>), and
/// cells that a spreadsheet would run as a formula are neutralised as in the portal's own exports
/// (<see cref="CsvFormulaNeutraliser"/>); everything else arrives unchanged. The status is decided only after the exchange's first bytes arrived; a failure after that
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
            await http.RequestServices.GetRequiredService<Audit.AuditLog>().RecordAsync(userId, Audit.AuditAction.ExportDownloaded, name, $"the exchange's {file} of connection {connectionId}", query.Workspace, CancellationToken.None);
            var decoder = Encoding.UTF8.GetDecoder();
            var neutraliser = new CsvFormulaNeutraliser();
            await WriteNeutralisedAsync(response.Body, decoder, neutraliser, first.AsMemory(0, firstLength), last: firstLength < first.Length, cancellationToken);
            if (firstLength == first.Length)
            {
                try
                {
                    int read;
                    while ((read = await upstream.ReadAsync(first, cancellationToken)) > 0)
                    {
                        await WriteNeutralisedAsync(response.Body, decoder, neutraliser, first.AsMemory(0, read), last: false, cancellationToken);
                    }

                    await WriteNeutralisedAsync(response.Body, decoder, neutraliser, Memory<byte>.Empty, last: true, cancellationToken);
                }
                catch (Exception e) when (e is IOException or HttpRequestException or ExchangeApiException)
                {
                    logger.LogWarning("The exchange's {File} of connection {ConnectionId} broke off mid-way ({Kind}); aborting the download.",
                        file, connectionId, (e as ExchangeApiException)?.Kind.ToString() ?? e.GetType().Name);
                    http.Abort();
                    return Results.Empty;
                }
            }
        }
        return Results.Empty;
    }

    /// <summary>Decodes <paramref name="bytes"/> (UTF-8, split characters carried over), neutralises formula cells and
    /// writes what is complete; <paramref name="last"/> flushes the final field.</summary>
    private static async Task WriteNeutralisedAsync(
        Stream body, Decoder decoder, CsvFormulaNeutraliser neutraliser, ReadOnlyMemory<byte> bytes, bool last, CancellationToken cancellationToken)
    {
        var chars = new char[decoder.GetCharCount(bytes.Span, flush: last)];
        var count = decoder.GetChars(bytes.Span, chars, flush: last);
        var output = new StringBuilder(count + 16);
        neutraliser.Push(chars.AsSpan(0, count), output);
        if (last)
        {
            neutraliser.Complete(output);
        }

        await body.WriteAsync(Utf8.GetBytes(output.ToString()), cancellationToken);
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

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

using System.Text;
using AllexPortal.Web.Access;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.Ledger;
using Microsoft.AspNetCore.Identity;
using Microsoft.Net.Http.Headers;

namespace AllexPortal.Web.History;

/// <summary>
/// <c>GET /history/{trades|orders|deposits|withdrawals}.csv?&lt;query&gt;</c>: the rows a grid's filter selects
/// (all pages, in the grid's order) as CSV, streamed from the database to the response; and
/// <c>GET /history/exchange/{connectionId}/{trades|deposits|withdrawals}.csv</c>: the exchange's own CSV,
/// passed through (<see cref="ExchangeCsvPassthrough"/>). Both take the workspace as <c>?workspace=</c> (absent:
/// the user's personal workspace) and demand <see cref="PortalPermission.Export"/> there on the server: a
/// connection outside it, or a role without Export, is refused whatever the browser offered.
/// </summary>
public static class HistoryExportEndpoints
{
    /// <summary>Where the exports live; a grid's Download link is <c>{Prefix}/trades.csv?{query}</c>.</summary>
    public const string Prefix = "/history";

    /// <summary>The link a grid offers for its current filter, e.g. <c>/history/trades.csv?symbol=btc-usdt</c>.</summary>
    public static string ExportPath(LedgerKind kind, HistoryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var file = $"{Prefix}/{kind.ToString().ToLowerInvariant()}.csv";
        var text = (query with { Page = 0, PageSize = HistoryQuery.DefaultPageSize, After = null }).ToQueryString();
        return text.Length == 0 ? file : file + "?" + text;
    }

    /// <summary>The link to the exchange's own <paramref name="file"/> of a connection in <paramref name="workspaceId"/> (null: personal).</summary>
    public static string ExchangeExportPath(Guid connectionId, string file, Guid? workspaceId)
    {
        var path = $"{Prefix}/exchange/{connectionId}/{file}";
        return workspaceId is { } team ? $"{path}?workspace={team}" : path;
    }

        public static IEndpointRouteBuilder MapPortalHistoryExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).RequireAuthorization();
        foreach (var kind in Enum.GetValues<LedgerKind>())
        {
            group.MapGet($"/{kind.ToString().ToLowerInvariant()}.csv", (HttpContext http, HistoryService history, UserManager<PortalUser> users,
                    TimeProvider time, ILoggerFactory logs, CancellationToken cancellationToken) =>
                    ExportAsync(http, kind, history, users, time, logs.CreateLogger(typeof(HistoryExportEndpoints)), cancellationToken))
                .WithName($"history-export-{kind}");
        }
        group.MapGet("/exchange/{connectionId:guid}/{file}", (Guid connectionId, string file, HttpContext http, ExchangeCsvPassthrough passthrough,
                UserManager<PortalUser> users, CancellationToken cancellationToken) =>
                passthrough.ExportAsync(http, users.GetUserId(http.User) ?? "", connectionId, file, cancellationToken))
            .WithName("history-exchange-csv");
        return app;
    }

    private static async Task<IResult> ExportAsync(
        HttpContext http, LedgerKind kind, HistoryService history, UserManager<PortalUser> users, TimeProvider time, ILogger logger,
        CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(http.User);
        if (string.IsNullOrEmpty(userId))
        {
            return Results.Unauthorized();
        }
        if (!HistoryQuery.TryParse(http.Request.Query, out var query, out var error)
            || (error = query.Validate(HistoryColumns.For(kind))) is not null)
        {
            return Results.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "The export's filter is not valid.");
        }

        HistoryScope scope;
        try
        {
            scope = await history.ScopeAsync(userId, query, PortalPermission.Export, cancellationToken);
        }
        catch (ConnectionNotFoundException e)
        {
            logger.LogWarning("User {UserId} asked for a {Kind} export of connection {ConnectionId}, which is not theirs or does not exist.",
                userId, kind, e.ConnectionId);
            return Results.Problem(e.Message, statusCode: StatusCodes.Status404NotFound, title: "No such connection.");
        }
        catch (AccessDeniedException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status403Forbidden, title: "Export not allowed.");
        }

        var response = http.Response;
        response.ContentType = "text/csv; charset=utf-8";
        var fileName = $"allexportal-{kind.ToString().ToLowerInvariant()}-{time.GetUtcNow():yyyy-MM-dd}.csv";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
        response.Headers.CacheControl = "no-store";
        await response.StartAsync(cancellationToken);

        // A failure after this point cannot change the status any more: the exception aborts the connection, so the
        // client sees a broken download rather than a short file that looks complete.
        await using var text = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 32 * 1024, leaveOpen: true);
        var rows = kind switch
        {
            LedgerKind.Trades => await history.ExportTradesCsvAsync(scope, query, text, cancellationToken),
            LedgerKind.Orders => await HistoryCsv.WriteOrdersAsync(history.StreamOrdersAsync(scope, query, cancellationToken), scope, text, cancellationToken),
            LedgerKind.Deposits => await HistoryCsv.WriteTransfersAsync(
                history.StreamTransfersAsync(scope, TransferDirection.Deposit, query, cancellationToken), scope, text, cancellationToken),
            _ => await HistoryCsv.WriteTransfersAsync(
                history.StreamTransfersAsync(scope, TransferDirection.Withdrawal, query, cancellationToken), scope, text, cancellationToken),
        };
        await text.FlushAsync(cancellationToken);
        logger.LogInformation("Exported {Rows} {Kind} rows for user {UserId}.", rows, kind, userId);
        return Results.Empty;
    }
}

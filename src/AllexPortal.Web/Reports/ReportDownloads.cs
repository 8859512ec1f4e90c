using System.Security.Claims;
using System.Text;
using AllexPortal.Core.Tax.Exports;
using AllexPortal.Web.Access;
using Microsoft.Net.Http.Headers;

namespace AllexPortal.Web.Reports;

/// <summary>
/// <c>GET /reports/files/{reportId}/{file}?workspace={id}</c>: streams a computed report as a file, for the signed-in
/// user who computed it only, and only while they still hold <see cref="PortalPermission.Export"/> in that workspace
/// (absent: personal) on every connection of the report — a role narrowed since the report was computed is refused.
/// Any other report id (someone else's, evicted, or made up) answers 404 alike, so ids reveal nothing. Responses are
/// <c>no-store</c>: tax data must not linger in shared caches.
/// </summary>
public static class ReportDownloads
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The download link of <paramref name="file"/> of a report computed in <paramref name="workspaceId"/>.</summary>
    public static string PathFor(Guid reportId, ReportFile file, Guid? workspaceId) =>
        workspaceId is { } team ? $"{ReportFiles.Path(reportId, file)}?workspace={team}" : ReportFiles.Path(reportId, file);

    /// <summary>Maps the download endpoint.</summary>
    public static IEndpointRouteBuilder MapReportDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reports/files/{reportId:guid}/{file}", DownloadAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(
        Guid reportId, string file, Guid? workspace, HttpContext context, ReportCache cache, PortalAccess access)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || ReportFiles.Parse(file) is not { } kind || cache.Get(userId, reportId) is not { } computed)
        {
            return Results.NotFound();
        }

        try
        {
            await access.DemandWorkspaceAsync(userId, workspace, PortalPermission.Export, context.RequestAborted);
            var allowed = await access.ConnectionsAsync(userId, workspace, PortalPermission.Export, context.RequestAborted);
            if (computed.Request.ConnectionIds.Any(id => !allowed.Contains(id)))
            {
                throw await access.RefuseAsync(
                    userId, $"report {reportId}", PortalPermission.Export, workspace,
                    "That report includes a connection you may no longer export from this workspace.", context.RequestAborted);
            }
        }
        catch (AccessDeniedException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status403Forbidden, title: "Download not allowed.");
        }

        var response = context.Response;
        response.ContentType = ReportFiles.ContentType(kind);
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileNameStar = ReportFiles.FileName(computed, kind),
            FileName = ReportFiles.FileName(computed, kind),
        }.ToString();
        await WriteAsync(computed, kind, response.Body, context.RequestAborted);
        return Results.Empty;
    }

    /// <summary>Writes <paramref name="file"/> of <paramref name="computed"/> to <paramref name="body"/> asynchronously.</summary>
    internal static async Task WriteAsync(ComputedReport computed, ReportFile file, Stream body, CancellationToken cancellationToken)
    {
        var report = computed.Report;
        if (file == ReportFile.Workbook)
        {
            // MiniExcel's zip writer writes synchronously, which Kestrel refuses on a response body: the workbook is
            // built in a temporary file (deleted on close) and then copied to the client asynchronously.
            await using var buffer = new FileStream(
                Path.Combine(Path.GetTempPath(), $"allexportal-report-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite,
                FileShare.None, 81_920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await TaxWorkbook.WriteAsync(report, computed.Figures, computed.Transactions, buffer, cancellationToken);
            buffer.Position = 0;
            await buffer.CopyToAsync(body, cancellationToken);
            return;
        }

        await using var text = new StreamWriter(body, Utf8, bufferSize: 64 * 1024, leaveOpen: true);
        switch (file)
        {
            case ReportFile.CapitalGains:
                await CapitalGainsCsv.WriteAsync(report, text, cancellationToken);
                break;
            case ReportFile.Koinly:
                await KoinlyCsv.WriteAsync(computed.Transactions, report.Currency, text, cancellationToken);
                break;
            case ReportFile.Transactions:
                await TransactionsCsv.WriteAsync(computed.Transactions, report.Currency, text, cancellationToken);
                break;
            default:
                await LotsCsv.WriteAsync(report, text, cancellationToken);
                break;
        }

        await text.FlushAsync(cancellationToken);
    }
}

using System.Text;
using AllexPortal.Web.Access;
using AllexPortal.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Net.Http.Headers;

namespace AllexPortal.Web.Audit;

/// <summary>
/// <c>GET /audit/export.csv?workspace={id}&amp;&lt;filter&gt;</c>: the audit entries the page's filter selects, as CSV,
/// streamed from the database. The workspace comes from the browser, so it is demanded again here
/// (<see cref="AuditReader.PrepareExportAsync"/>) before the download starts; a refusal answers 403 and is audited.
/// </summary>
public static class AuditExportEndpoints
{
    /// <summary>The export's path.</summary>
    public const string Path = "/audit/export.csv";

    /// <summary>The link the audit page offers for <paramref name="workspaceId"/> and <paramref name="query"/>'s filter.</summary>
    public static string ExportPath(Guid? workspaceId, AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = query.ToQueryString();
        var workspace = workspaceId is { } id ? $"workspace={id}" : "";
        var parameters = string.Join('&', new[] { workspace, filter }.Where(p => p.Length > 0));
        return parameters.Length == 0 ? Path : $"{Path}?{parameters}";
    }

    public static IEndpointRouteBuilder MapPortalAuditExport(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ExportAsync).RequireAuthorization().WithName("audit-export");
        return app;
    }

    private static async Task<IResult> ExportAsync(
        HttpContext http, AuditReader reader, UserManager<PortalUser> users, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(http.User);
        if (string.IsNullOrEmpty(userId))
        {
            return Results.Unauthorized();
        }

        Guid? workspaceId = null;
        if (http.Request.Query.TryGetValue("workspace", out var workspace) && workspace.ToString().Length > 0)
        {
            if (!Guid.TryParse(workspace.ToString(), out var id))
            {
                return Results.Problem("'workspace' is not a workspace id.", statusCode: StatusCodes.Status400BadRequest);
            }

            workspaceId = id;
        }

        if (!AuditQuery.TryParse(http.Request.Query.Where(p => p.Key != "workspace"), out var query, out var error))
        {
            return Results.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "The export's filter is not valid.");
        }

        AuditExport export;
        try
        {
            export = await reader.PrepareExportAsync(userId, workspaceId, query, cancellationToken);
        }
        catch (AccessDeniedException denied)
        {
            return Results.Problem(denied.Message, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.");
        }

        var response = http.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = export.FileName }.ToString();
        response.Headers.CacheControl = "no-store";
        await response.StartAsync(cancellationToken);
        await using var text = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 32 * 1024, leaveOpen: true);
        await export.WriteAsync(text, cancellationToken);
        await text.FlushAsync(cancellationToken);
        return Results.Empty;
    }
}

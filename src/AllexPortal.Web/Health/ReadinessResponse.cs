using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AllexPortal.Web.Health;

/// <summary>
/// Writes <c>/readyz</c> as JSON, one entry per named check with its status and a message an operator can act on,
/// so a failing instance says what failed rather than only 503. Exception details stay in the log.
/// </summary>
internal static class ReadinessResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}

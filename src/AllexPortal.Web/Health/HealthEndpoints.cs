using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace AllexPortal.Web.Health;

/// <summary>
/// <c>/healthz</c> answers while the process runs (liveness, no dependencies checked);
/// <c>/readyz</c> also needs the database (readiness), so an orchestrator can tell the two apart.
/// </summary>
internal static class HealthEndpoints
{
    /// <summary>Tag of the checks that decide readiness.</summary>
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapPortalHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .AllowAnonymous();
        return endpoints;
    }
}

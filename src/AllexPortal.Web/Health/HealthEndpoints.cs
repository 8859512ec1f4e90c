using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace AllexPortal.Web.Health;

/// <summary>
/// <c>/healthz</c> answers while the process runs (liveness, no dependencies checked);
/// <c>/readyz</c> checks what the instance needs to serve (database, shared cache, key ring) and answers JSON naming
/// each check, so an orchestrator can tell the two apart and an operator sees what failed.
/// </summary>
internal static class HealthEndpoints
{
    /// <summary>Tag of the checks that decide readiness.</summary>
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapPortalHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions
            {
                Predicate = check => check.Tags.Contains(ReadyTag),
                ResponseWriter = ReadinessResponse.WriteAsync,
            })
            .AllowAnonymous();
        return endpoints;
    }
}

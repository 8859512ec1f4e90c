using AllexPortal.Sandbox.Faults;
using AllexPortal.Sandbox.Hosting;
using AllexPortal.Sandbox.RateLimits;

namespace AllexPortal.Sandbox;

/// <summary>Mounts the sandbox as an isolated pipeline branch: the host's middleware (auth, antiforgery,
/// CSP) does not run for it, and the prefix moves into <c>PathBase</c> so the sandbox sees <c>/v2/...</c>
/// exactly as when it runs alone.</summary>
public static class SandboxApplicationBuilderExtensions
{
    // WebApplication shares one route builder with every branch; the branch needs its own.
    private const string GlobalEndpointRouteBuilderKey = "__GlobalEndpointRouteBuilder";

    /// <summary>Serves the sandbox under <paramref name="prefix"/> (empty = at the root).</summary>
    public static IApplicationBuilder UseAllexSandbox(this IApplicationBuilder app, PathString prefix)
    {
        ArgumentNullException.ThrowIfNull(app);
        var exchange = app.ApplicationServices.GetRequiredService<SandboxExchange>();
        return app.Map(prefix, branch =>
        {
            branch.Properties.Remove(GlobalEndpointRouteBuilderKey);
            // The host's routing may already have picked one of its endpoints (e.g. a fallback) for this path.
            branch.Use((context, next) =>
            {
                context.SetEndpoint(null);
                return next(context);
            });
            branch.Use((context, next) =>
            {
                exchange.Requests.Add(context.Request.Method, context.Request.Path.Value ?? "");
                return next(context);
            });
            branch.UseMiddleware<FaultInjectionMiddleware>(exchange);
            branch.UseMiddleware<RateLimitMiddleware>(exchange);
            branch.UseRouting();
            branch.UseEndpoints(endpoints => SandboxEndpoints.Map(endpoints, exchange));
        });
    }
}

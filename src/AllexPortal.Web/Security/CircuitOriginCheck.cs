namespace AllexPortal.Web.Security;

/// <summary>
/// Refuses a Blazor circuit (the <c>/_blazor</c> SignalR hub: negotiate, WebSocket, long polling) opened from a page
/// of another origin (OWASP ASVS 5.0 4.4.2, cross-site WebSocket hijacking). A browser always sends <c>Origin</c>
/// on these requests and a page cannot forge it; the sign-in cookie's <c>SameSite=Lax</c> already keeps it off
/// cross-site requests, and this check also covers a sibling site of the same registrable domain, to which Lax
/// cookies do go.
/// </summary>
/// <remarks>
/// The request's own origin is what the browser saw: behind a proxy, the forwarded scheme and the <c>Host</c> header
/// the proxy passes on (docs/deploy.md). Requests without <c>Origin</c> are not from a browser page and carry no
/// ambient credentials to abuse, so they pass to the hub's own checks.
/// </remarks>
internal static class CircuitOriginCheck
{
    /// <summary>Blazor's hub path.</summary>
    public const string HubPath = "/_blazor";

    public static IApplicationBuilder UsePortalCircuitOriginCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(HubPath, StringComparison.OrdinalIgnoreCase)
                && context.Request.Headers.Origin is { Count: > 0 } origin
                && !IsSameOrigin(origin.ToString(), context.Request))
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CircuitOriginCheck))
                    .LogWarning("Refused a circuit from origin {Origin} for {Host}", origin.ToString(), context.Request.Host.Value);
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("This page may open the portal only from the portal's own address.", context.RequestAborted);
                return;
            }

            await next(context);
        });

    /// <summary>True when <paramref name="origin"/> is exactly the request's scheme, host and port.</summary>
    public static bool IsSameOrigin(string origin, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query))
        {
            return false; // "null", several origins, or anything else that is not one origin
        }

        if (!request.Host.HasValue || !Uri.TryCreate($"{request.Scheme}://{request.Host.Value}/", UriKind.Absolute, out var own))
        {
            return false;
        }

        return Uri.Compare(uri, own, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
    }
}

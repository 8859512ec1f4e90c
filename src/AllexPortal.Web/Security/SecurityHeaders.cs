namespace AllexPortal.Web.Security;

/// <summary>
/// The response headers every portal response carries. The policy is strict by default: scripts
/// only from the portal itself, no framing (clickjacking), and nothing but static assets cached: account pages show
/// recovery codes and authenticator secrets, and every other page or download shows someone's money.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// MudBlazor sets inline styles, hence <c>'unsafe-inline'</c> for styles only; the authenticator QR code is a
    /// <c>data:</c> image. Blazor's SignalR connection goes to the portal itself, and CSP Level 3 browsers count
    /// <c>ws:</c>/<c>wss:</c> to the page's own host and port as <c>'self'</c>, so no other host can be reached.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; " +
        "script-src 'self'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    public static IApplicationBuilder UsePortalSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                if (context.Request.Path.StartsWithSegments("/Account", StringComparison.OrdinalIgnoreCase)
                    || string.IsNullOrEmpty(headers.CacheControl))
                {
                    // Pages, downloads and circuits hold balances, keys and personal data: no browser or proxy keeps
                    // them (ASVS 5.0 14.3.2). Static assets set their own caching and keep it.
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }

                return Task.CompletedTask;
            });
            await next(context);
        });
}

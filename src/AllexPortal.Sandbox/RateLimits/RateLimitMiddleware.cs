using System.Globalization;
using AllexPortal.Sandbox.Hosting;
using AllexPortal.Sandbox.Wire;

namespace AllexPortal.Sandbox.RateLimits;

/// <summary>Answers over-limit requests with 429 and <c>Retry-After</c>: the Kit's JSON text for route
/// limits, nginx's HTML page for the general limit.</summary>
internal sealed class RateLimitMiddleware(RequestDelegate next, SandboxExchange exchange)
{
    private const string NginxPage =
        "<html>\r\n<head><title>429 Too Many Requests</title></head>\r\n<body>\r\n<center><h1>429 Too Many Requests</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith("/v2/", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }
        var ip = ClientAddress.Of(context);
        var refusal = exchange.RateLimiter.Check(ip, context.Request.Method, path, context.Request.Headers.Authorization.ToString());
        if (refusal is not { } r)
        {
            await next(context);
            return;
        }
        context.Response.Headers.RetryAfter = r.RetryAfter.ToString(CultureInfo.InvariantCulture);
        if (r.General)
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync(NginxPage, context.RequestAborted);
            return;
        }
        await WireResults.Message("Too many requests. Your account is blocked for 2 minutes", StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
    }
}

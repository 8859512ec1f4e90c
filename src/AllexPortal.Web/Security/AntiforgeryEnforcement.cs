using Microsoft.AspNetCore.Antiforgery;

namespace AllexPortal.Web.Security;

/// <summary>
/// ASP.NET Core's antiforgery middleware only records a failed check on endpoints that ask for one; Blazor's form
/// handling and minimal-API endpoints that bind a form refuse by themselves, but an endpoint that binds no form
/// (sign-out, personal data download) would run anyway. This middleware, right after <c>UseAntiforgery</c>, refuses
/// every request whose check failed, so no endpoint can forget to.
/// </summary>
internal static class AntiforgeryEnforcement
{
    public const string Message = "The form has expired or did not come from this portal. Reload the page and try again.";

    public static IApplicationBuilder UsePortalAntiforgeryEnforcement(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                // With a body, so the status-code pages do not re-run the (still invalid) POST for an error page.
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync(Message, context.RequestAborted);
                return;
            }

            await next(context);
        });
}

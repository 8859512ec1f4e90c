using AllexPortal.Web.Data;
using AllexPortal.Web.Exchange;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Demo;

/// <summary>Demo mode's account: seeded at start, entered with one button on the login page.</summary>
public static class DemoServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalDemo(this WebApplicationBuilder builder)
    {
        var exchange = builder.Configuration.GetSection(PortalExchangeOptions.SectionName).Get<PortalExchangeOptions>() ?? new PortalExchangeOptions();
        if (exchange.IsDemo)
        {
            builder.Services.AddHostedService<DemoAccountSeeder>();
        }

        return builder;
    }

    /// <summary>Maps the "Try the demo" sign-in (antiforgery-checked POST) in demo mode only.</summary>
    public static WebApplication MapPortalDemo(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<PortalExchangeOptions>>().Value.IsDemo)
        {
            return app;
        }

        // The antiforgery middleware only records a failed check; an endpoint that binds no form must refuse itself.
        app.MapPost(DemoAccount.SignInPath, async (
            HttpContext context,
            [FromServices] UserManager<PortalUser> users,
            [FromServices] SignInManager<PortalUser> signIn) =>
        {
            if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
            {
                // With a body, so the status-code pages do not re-run the (still invalid) POST for an error page.
                return Results.Text("The sign-in form has expired. Reload the sign-in page and try again.", statusCode: StatusCodes.Status400BadRequest);
            }

            var user = await users.FindByEmailAsync(DemoAccount.Email);
            if (user is null)
            {
                return Results.Problem("The demo account is not ready yet; try again in a moment.", statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            await signIn.SignInAsync(user, isPersistent: false);
            return Results.LocalRedirect("~/");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
        return app;
    }
}

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
        var exchange = PortalExchangeOptions.From(builder.Configuration);
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

        // A request without a valid token never gets here: AntiforgeryEnforcement refuses it.
        app.MapPost(DemoAccount.SignInPath, async (
            [FromServices] UserManager<PortalUser> users,
            [FromServices] SignInManager<PortalUser> signIn) =>
        {
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

using System.Security.Claims;
using System.Text.Json;
using AllexPortal.Web.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace AllexPortal.Web.Components.Account;

/// <summary>The plain endpoints the account pages post to (sign-out, personal data download).</summary>
internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // Every endpoint here acts for the signed-in user: each needs the antiforgery token of a portal form.
        var accountGroup = endpoints.MapGroup("/Account").WithMetadata(new RequireAntiforgeryTokenAttribute());

        // Signing out changes the security stamp, so every other session of the user (other browsers,
        // open circuits) ends at its next re-check too.
        accountGroup.MapPost("/Logout", async (
            HttpContext context,
            ClaimsPrincipal principal,
            [FromServices] UserManager<PortalUser> userManager,
            [FromServices] SignInManager<PortalUser> signInManager) =>
        {
            if (await userManager.GetUserAsync(principal) is { } user)
            {
                await userManager.UpdateSecurityStampAsync(user);
            }

            await signInManager.SignOutAsync();
            // The browser forgets what this session left behind: cached pages, cookies and storage (ASVS 5.0 14.3.1).
            context.Response.Headers["Clear-Site-Data"] = "\"cache\", \"cookies\", \"storage\"";
            return TypedResults.LocalRedirect("~/Account/Login");
        });

        var manageGroup = accountGroup.MapGroup("/Manage").RequireAuthorization(TwoFactorPolicy.SignedIn);

        var loggerFactory = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>();
        var downloadLogger = loggerFactory.CreateLogger("DownloadPersonalData");

        manageGroup.MapPost("/DownloadPersonalData", async (
            HttpContext context,
            [FromServices] UserManager<PortalUser> userManager) =>
        {
            var user = await userManager.GetUserAsync(context.User);
            if (user is null)
            {
                return Results.NotFound($"Unable to load user with ID '{userManager.GetUserId(context.User)}'.");
            }

            var userId = await userManager.GetUserIdAsync(user);
            downloadLogger.LogInformation("User with ID '{UserId}' asked for their personal data.", userId);

            var personalData = typeof(PortalUser).GetProperties()
                .Where(prop => Attribute.IsDefined(prop, typeof(PersonalDataAttribute)))
                .ToDictionary(prop => prop.Name, prop => prop.GetValue(user)?.ToString() ?? "null");
            personalData.Add(nameof(PortalUser.Theme), user.Theme.ToString());
            var fileBytes = JsonSerializer.SerializeToUtf8Bytes(personalData);

            return TypedResults.File(fileBytes, contentType: "application/json", fileDownloadName: "PersonalData.json");
        });

        return accountGroup;
    }
}

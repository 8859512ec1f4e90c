using AllexPortal.Web.Data;
using AllexPortal.Web.Exchange;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Components.Account;

/// <summary>
/// Whether every portal user must have two-factor authentication on before they may see anything but their account
/// pages (OWASP ASVS 5.0 6.3.3, level 2: the portal holds keys that can trade). Setting
/// <c>Security:RequireTwoFactor</c>; by default on for a real exchange outside Development, and off in demo mode,
/// whose accounts hold only the sandbox's play money and whose demo account has no password at all.
/// </summary>
/// <param name="Required">True when the default authorization policy asks for an enrolled second factor.</param>
public sealed record TwoFactorPolicy(bool Required)
{
    /// <summary>The configuration key.</summary>
    public const string SettingKey = "Security:RequireTwoFactor";

    /// <summary>The policy for pages every signed-in user must reach, enrolled or not: the account pages where the
    /// second factor is set up.</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>Where a signed-in user without a second factor is sent (pages, downloads and every other endpoint
    /// behind the default policy).</summary>
    public const string SetUpPath = "/Account/Manage/TwoFactorAuthentication";

    /// <summary>The default for <see cref="SettingKey"/>: required for a real exchange outside Development.</summary>
    public static bool IsRequired(bool? setting, bool isDevelopment, bool isDemo) => setting ?? (!isDevelopment && !isDemo);
}

/// <summary>The requirement that the signed-in user has two-factor authentication on.</summary>
public sealed class TwoFactorEnrolledRequirement : IAuthorizationRequirement;

/// <summary>Meets <see cref="TwoFactorEnrolledRequirement"/> from the database, not from the sign-in cookie, so a
/// factor turned on or off takes effect at the next check.</summary>
internal sealed class TwoFactorEnrolledHandler(IDbContextFactory<PortalDb> databases, UserManager<PortalUser> users)
    : AuthorizationHandler<TwoFactorEnrolledRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TwoFactorEnrolledRequirement requirement)
    {
        if (users.GetUserId(context.User) is not { } userId)
        {
            return;
        }

        await using var db = await databases.CreateDbContextAsync();
        if (await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.TwoFactorEnabled))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>Registers the portal's authorization policies.</summary>
internal static class TwoFactorRequirementExtensions
{
    public static WebApplicationBuilder AddPortalAuthorization(this WebApplicationBuilder builder)
    {
        var exchange = PortalExchangeOptions.From(builder.Configuration);
        var required = TwoFactorPolicy.IsRequired(
            builder.Configuration.GetValue<bool?>(TwoFactorPolicy.SettingKey), builder.Environment.IsDevelopment(), exchange.IsDemo);
        builder.Services.AddSingleton(new TwoFactorPolicy(required));
        builder.Services.AddScoped<IAuthorizationHandler, TwoFactorEnrolledHandler>();

        var signedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        var enrolled = required
            ? new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new TwoFactorEnrolledRequirement()).Build()
            : signedIn;
        if (required)
        {
            // The default policy refuses a signed-in user only for a missing second factor: send them to set it up.
            builder.Services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme,
                cookie => cookie.AccessDeniedPath = TwoFactorPolicy.SetUpPath);
        }

        builder.Services.AddAuthorizationBuilder()
            .SetDefaultPolicy(enrolled)
            .AddPolicy(TwoFactorPolicy.SignedIn, signedIn);
        return builder;
    }
}

using System.Security.Claims;
using AllexPortal.Web.Data;
using AllexPortal.Web.Email;
using AllexPortal.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Components.Account;

/// <summary>
/// Portal accounts: ASP.NET Core Identity on <see cref="PortalDb"/> with lockout, TOTP two-factor and
/// sessions that notice account changes within <see cref="PortalSessionOptions.RevalidationInterval"/>.
/// </summary>
internal static class IdentityServiceCollectionExtensions
{
    /// <summary>Failed passwords in a row that lock an account.</summary>
    public const int MaxFailedAccessAttempts = 5;

    public static WebApplicationBuilder AddPortalIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PortalSessionOptions>()
            .BindConfiguration(PortalSessionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.AddPortalAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/Account/Login";
            cookie.LogoutPath = "/Account/Logout";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.Cookie.Name = "AllexPortal.Session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<PortalSessionOptions>>((cookie, session) =>
            {
                cookie.ExpireTimeSpan = session.Value.IdleTimeout;
                cookie.SlidingExpiration = true;
                var validateStamp = cookie.Events.OnValidatePrincipal;
                cookie.Events.OnValidatePrincipal = async context =>
                {
                    var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                    if (!SessionClaims.IsWithin(context.Principal, session.Value.AbsoluteLifetime, now))
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                        return;
                    }

                    await validateStamp(context);
                };
            });
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<PortalSessionOptions>>((validator, session) =>
            {
                validator.ValidationInterval = session.Value.RevalidationInterval;
                // The stamp check rebuilds the principal from the database; the session's sign-in time goes with it.
                validator.OnRefreshingPrincipal = refreshing =>
                {
                    if (refreshing.CurrentPrincipal?.FindFirst(SessionClaims.SignedInAt) is { } signedIn
                        && refreshing.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == SessionClaims.SignedInAt))
                    {
                        identity.AddClaim(new Claim(signedIn.Type, signedIn.Value, signedIn.ValueType));
                    }

                    return Task.CompletedTask;
                };
            });

        services.AddIdentityCore<PortalUser>(options =>
            {
                // No mail transport yet: accounts work at once; the confirm flow still works when used.
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedAccessAttempts;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version2;
                PasswordPolicy.Apply(options.Password);
            })
            .AddUserManager<PortalUserManager>()
            .AddEntityFrameworkStores<PortalDb>()
            .AddSignInManager<AuditingSignInManager>()
            .AddPasswordValidator<PasswordPolicy.GuessableValidator>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EmailOutbox>();
        services.AddSingleton<IEmailSender<PortalUser>, OutboxEmailSender>();
        return builder;
    }
}

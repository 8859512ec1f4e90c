using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Security;

/// <summary>
/// Request-level protections that sit in front of the pages: the per-address sign-in rate limit,
/// security headers and error pages that never show internals.
/// </summary>
internal static class SecurityServiceCollectionExtensions
{
    private static readonly string[] SignInPaths =
        ["/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode"];

    /// <summary>Forms that create an account or send an e-mail (ASVS 5.0 2.4.1, anti-automation): each has its own
    /// quota per address, of the same size as the sign-in limit, so nobody can mass-register or flood a mailbox.</summary>
    private static readonly string[] MailingPaths =
        ["/Account/Register", "/Account/ForgotPassword", "/Account/ResendEmailConfirmation"];

    public static WebApplicationBuilder AddPortalSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SignInRateLimitOptions>()
            .BindConfiguration(SignInRateLimitOptions.SectionName)
            .Validate(o => o.PermitLimit > 0 && o.Window > TimeSpan.Zero, "Sign-in rate limit must be positive.")
            .ValidateOnStart();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    rejected.HttpContext.Response.Headers.RetryAfter =
                        ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await rejected.HttpContext.Response.WriteAsync(
                    "Too many attempts from this address. Wait a minute and try again.", cancellationToken);
            };
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (LimitedGroup(context.Request) is not { } group)
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var limits = context.RequestServices.GetRequiredService<IOptions<SignInRateLimitOptions>>().Value;
                var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
                return RateLimitPartition.GetFixedWindowLimiter($"{group} {address}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PermitLimit,
                    Window = limits.Window,
                    QueueLimit = 0,
                });
            });
        });
        return builder;
    }

    /// <summary>
    /// Error pages show a correlation id and nothing else outside Development; the id is in the log
    /// entry with the exception, so support can find it.
    /// </summary>
    public static WebApplication UsePortalErrorPages(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        return app;
    }

    public static WebApplication UsePortalSecurity(this WebApplication app)
    {
        app.UsePortalSecurityHeaders();
        app.UsePortalCircuitOriginCheck();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The quota a request counts against: all sign-in forms share one, each mailing form has its own; none for anything else.</summary>
    private static string? LimitedGroup(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return null;
        }

        if (SignInPaths.Any(path => request.Path.Equals(path, StringComparison.OrdinalIgnoreCase)))
        {
            return "sign-in";
        }

        return MailingPaths.FirstOrDefault(path => request.Path.Equals(path, StringComparison.OrdinalIgnoreCase))?.ToUpperInvariant();
    }
}

namespace AllexPortal.Web.Security;

/// <summary>
/// Outside Development: every cookie the portal sets is <c>Secure</c> (Chromium and Firefox still accept them from
/// <c>http://localhost</c>, so the plain-HTTP demo keeps working there), HTTPS responses carry HSTS for a year, and
/// when the portal itself listens on HTTPS, plain HTTP is redirected to it. Behind a TLS proxy the proxy redirects;
/// the portal sends HSTS on the responses the proxy forwarded as HTTPS (see docs/deploy.md).
/// </summary>
internal static class TransportSecurity
{
    /// <summary>How long browsers keep to HTTPS after seeing the portal over HTTPS.</summary>
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    public static WebApplicationBuilder AddPortalTransportSecurity(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            return builder;
        }

        builder.Services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.Always);
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = HstsMaxAge;
            options.IncludeSubDomains = true; // ASVS 5.0 3.4.1 at level 2: the portal's own subdomains too
        });
        return builder;
    }

    /// <summary>Early in the pipeline, before anything that sets a cookie.</summary>
    public static WebApplication UsePortalTransportSecurity(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            return app;
        }

        app.UseHsts();
        if (ServesHttps(app.Configuration))
        {
            app.UseHttpsRedirection();
        }

        app.UseCookiePolicy();
        return app;
    }

    /// <summary>
    /// True when Kestrel is given an HTTPS address: <c>ASPNETCORE_URLS</c>/<c>--urls</c> with <c>https://</c>,
    /// <c>HTTPS_PORTS</c>, <c>HTTPS_PORT</c>, or a <c>Kestrel:Endpoints</c> entry with an <c>https://</c> URL.
    /// </summary>
    public static bool ServesHttps(IConfiguration configuration)
    {
        bool IsHttps(string? url) => url?.Contains("https://", StringComparison.OrdinalIgnoreCase) == true;
        return IsHttps(configuration[WebHostDefaults.ServerUrlsKey])
            || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey])
            || !string.IsNullOrWhiteSpace(configuration["HTTPS_PORT"])
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any(endpoint => IsHttps(endpoint["Url"]));
    }
}

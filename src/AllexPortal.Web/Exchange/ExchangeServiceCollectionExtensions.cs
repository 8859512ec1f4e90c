using AllexPortal.Exchange;
using AllexPortal.Exchange.Configuration;
using AllexPortal.Sandbox;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Exchange;

/// <summary>Registers the exchange client and, in demo mode, the embedded sandbox exchange.</summary>
public static class ExchangeServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalExchange(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(PortalExchangeOptions.SectionName);
        var exchange = PortalExchangeOptions.From(builder.Configuration);
        builder.Services.AddOptions<PortalExchangeOptions>().Bind(section)
            .Validate(o => o.BaseUrl is null || o.BaseUrl.IsAbsoluteUri, "Exchange:BaseUrl must be an absolute URL.")
            .Validate(o => o.SandboxPrefix.StartsWith('/'), "Exchange:SandboxPrefix must start with '/'.")
            .ValidateOnStart();
        builder.Services.AddSingleton<PortalExchangeEndpoint>();
        builder.Services.AddSingleton<IExchangeAllowances, EmbeddedSandboxAllowance>();
        builder.Services.AddAllexClient(o =>
        {
            // The client's own limits (requests per second, timeouts, retries) and the outbound policy
            // (Exchange:AllowedBaseUrls, Exchange:AllowedAddresses) are set in the same section. The configured
            // exchange is always allowed; in demo mode the embedded sandbox is, exactly (EmbeddedSandboxAllowance).
            section.Bind(o);
            o.BaseUrl = exchange.BaseUrl;
        });

        if (exchange.IsDemo)
        {
            // Every demo user shares the portal's one IP and the demo key: the exchange's per-IP limits and the
            // sandbox's replay check would refuse their identical concurrent requests. Both stay configurable.
            builder.Services.AddAllexSandbox(options =>
            {
                options.RateLimits = RateLimitOptions.None;
                options.RejectReplayedSignatures = false;
                builder.Configuration.GetSection("Sandbox").Bind(options);
            });
        }

        return builder;
    }

    /// <summary>Mounts the demo sandbox first, as an isolated branch, so none of the portal's middleware
    /// (authentication, antiforgery, CSP, fallback pages) applies to exchange traffic.</summary>
    public static WebApplication UsePortalDemoExchange(this WebApplication app)
    {
        var exchange = app.Services.GetRequiredService<IOptions<PortalExchangeOptions>>().Value;
        if (exchange.IsDemo)
        {
            app.UseAllexSandbox(exchange.SandboxPrefix);
            app.Logger.LogInformation("Demo mode: the sandbox exchange answers under {Prefix}/v2", exchange.SandboxPrefix);
        }

        return app;
    }
}

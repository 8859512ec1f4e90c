using AllexPortal.Web.ApiKeys;

namespace AllexPortal.Web.ExchangeSignIn;

/// <summary>Registers the per-circuit exchange session, 2FA set-up and API-key management.</summary>
public static class ExchangeSignInServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalExchangeSignIn(this WebApplicationBuilder builder)
    {
        // Scoped = one per circuit: the exchange JWT belongs to one browser tab of one user and dies with it.
        builder.Services.AddScoped<ExchangeSession>();
        builder.Services.AddScoped<ExchangeTwoFactor>();
        builder.Services.AddScoped<ApiKeyService>();
        return builder;
    }
}

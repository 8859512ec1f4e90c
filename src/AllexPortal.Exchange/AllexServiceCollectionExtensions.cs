using AllexPortal.Exchange.Configuration;
using AllexPortal.Exchange.Http;
using AllexPortal.Exchange.Json;
using AllexPortal.Exchange.Market;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Refit;

namespace AllexPortal.Exchange;

/// <summary>
/// Registers the exchange client: options (validated at start), the shared HTTP pipeline, the per-host
/// request budget, <see cref="IAllexClientFactory"/> for per-connection clients and, when
/// <see cref="AllexClientOptions.BaseUrl"/> is set, an injectable <see cref="IAllexPublicApi"/> for it.
/// </summary>
public static class AllexServiceCollectionExtensions
{
    public static IServiceCollection AddAllexClient(this IServiceCollection services, Action<AllexClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<AllexClientOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        optionsBuilder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AllexClientOptions>, AllexClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ExchangeHostRateLimiter>();
        services.TryAddSingleton<AllexRefitSettings>();
        services.TryAddTransient<RequestAuthenticationHandler>();
        services.TryAddSingleton<ExchangeOutboundPolicy>();
        services.TryAddSingleton<IExchangeHostResolver, SystemExchangeHostResolver>();
        services.TryAddSingleton<ExchangeConnectGuard>();
        services.TryAddTransient<OutboundPolicyHandler>();
        services.TryAddTransient<ResponseLimitsHandler>();
        services.TryAddSingleton<IAllexClientFactory, AllexClientFactory>();

        services.AddHttpClient(AllexClientFactory.HttpClientName).AddAllexPipeline();
        services.AddRefitGeneratedClient<IAllexPublicApi>(AllexJson.Context, provider => provider.GetRequiredService<AllexRefitSettings>().Create())
            .ConfigureHttpClient((provider, client) =>
            {
                if (provider.GetRequiredService<IOptions<AllexClientOptions>>().Value.BaseUrl is { } baseUrl)
                {
                    client.BaseAddress = AllexApiBase.From(baseUrl).ApiRoot;
                }
            })
            .AddAllexPipeline();
        return services;
    }

    /// <summary>
    /// The shared pipeline, outside in: the outbound policy (allowed exchanges, no redirects), resilience, signing,
    /// response limits, and a socket handler that never follows redirects, uses no proxy or cookies and connects only
    /// through <see cref="ExchangeConnectGuard"/>.
    /// </summary>
    private static IHttpClientBuilder AddAllexPipeline(this IHttpClientBuilder builder)
    {
        builder
            .AddHttpMessageHandler<OutboundPolicyHandler>()
            .AddResilienceHandler(AllexResiliencePipeline.Name, (pipeline, context) => AllexResiliencePipeline.Configure(
                pipeline,
                context.ServiceProvider.GetRequiredService<IOptions<AllexClientOptions>>().Value,
                context.ServiceProvider.GetRequiredService<ExchangeHostRateLimiter>(),
                context.ServiceProvider.GetRequiredService<TimeProvider>()))
            .SelectPipelineByAuthority();
        return builder
            .AddHttpMessageHandler<RequestAuthenticationHandler>()
            .AddHttpMessageHandler<ResponseLimitsHandler>()
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                MaxResponseHeadersLength = 64,
                ConnectTimeout = provider.GetRequiredService<IOptions<AllexClientOptions>>().Value.AttemptTimeout,
                ConnectCallback = provider.GetRequiredService<ExchangeConnectGuard>().ConnectAsync,
            });
    }
}

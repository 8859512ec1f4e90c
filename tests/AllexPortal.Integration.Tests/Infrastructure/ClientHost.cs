using AllexPortal.Exchange;
using AllexPortal.Exchange.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Integration.Tests.Infrastructure;

/// <summary>
/// The client as the portal registers it (<c>AddAllexClient</c>), in its own service provider. The client's own
/// request budget is raised so that the sandbox's limits, not the client's pacing, decide what is refused. The
/// sandbox under test is allowed explicitly, as an operator would allow an exchange on a private address: its base
/// URL and its loopback address.
/// </summary>
public sealed class ClientHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    public ClientHost(Uri exchange, TimeProvider? clock = null, Action<AllexClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var services = new ServiceCollection();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddAllexClient(options =>
        {
            options.RequestsPerSecond = 1000;
            options.BurstSize = 1000;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
            options.AllowedBaseUrls.Add(exchange);
            options.AllowedAddresses.Add($"127.0.0.1:{exchange.Port}");
            configure?.Invoke(options);
        });
        provider = services.BuildServiceProvider(validateScopes: true);
        Factory = provider.GetRequiredService<IAllexClientFactory>();
    }

    public IAllexClientFactory Factory { get; }

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}

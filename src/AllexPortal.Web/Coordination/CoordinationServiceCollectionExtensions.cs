using AllexPortal.Web.Health;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Coordination;

/// <summary>
/// Registers what lets several portal instances share one database: this instance's name, the lease store that
/// makes background work run once across them, the start-up step that creates the shared key ring under a lease,
/// and the readiness checks of what they share (database, cache, key ring).
/// </summary>
public static class CoordinationServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalCoordination(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<CoordinationOptions>().BindConfiguration(CoordinationOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CoordinationOptions>, CoordinationOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PortalInstance>();
        builder.Services.AddSingleton<LeaseStore>();
        builder.Services.AddHostedService<KeyRingStartup>();
        builder.Services.AddPortalReadinessChecks();
        return builder;
    }
}

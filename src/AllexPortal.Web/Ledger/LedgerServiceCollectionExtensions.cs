using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Ledger;

/// <summary>Registers the ledger's sync: the coordinator (one run per connection at a time) and its schedule.</summary>
public static class LedgerServiceCollectionExtensions
{
    public static IServiceCollection AddPortalLedger(this IServiceCollection services)
    {
        services.AddOptions<LedgerOptions>().BindConfiguration(LedgerOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LedgerOptions>, LedgerOptionsValidator>();
        services.AddSingleton<LedgerSyncCoordinator>();
        services.AddHostedService<LedgerSyncScheduler>();
        return services;
    }
}

namespace AllexPortal.Web.Health;

/// <summary>Registers the named checks of <c>/readyz</c>: what an instance shares with the others and needs to serve.</summary>
internal static class ReadinessServiceCollectionExtensions
{
    /// <summary>Name of the database check.</summary>
    public const string Database = "database";

    /// <summary>Name of the market-data cache check.</summary>
    public const string Cache = "cache";

    /// <summary>Name of the Data Protection key ring check.</summary>
    public const string KeyRing = "key-ring";

    public static IServiceCollection AddPortalReadinessChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseReadinessCheck>(Database, tags: [HealthEndpoints.ReadyTag])
            .AddCheck<CacheReadinessCheck>(Cache, tags: [HealthEndpoints.ReadyTag])
            .AddCheck<KeyRingReadinessCheck>(KeyRing, tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}

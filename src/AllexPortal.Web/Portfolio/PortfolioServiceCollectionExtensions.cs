namespace AllexPortal.Web.Portfolio;

/// <summary>Registers the dashboard's valuation services, the shared market-data cache the snapshot schedule and the ledger backfill of value history.</summary>
public static class PortfolioServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalPortfolio(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PortfolioOptions>().Bind(builder.Configuration.GetSection(PortfolioOptions.SectionName))
            .Validate(o => o.PricesLifetime > TimeSpan.Zero && o.TickersLifetime > TimeSpan.Zero && o.ConstantsLifetime > TimeSpan.Zero,
                "Portfolio cache lifetimes must be positive.")
            .ValidateOnStart();
        builder.Services.AddHybridCache();
        builder.AddPortalMarketCache();
        builder.Services.AddSingleton<MarketData>();
        builder.Services.AddSingleton<SnapshotStore>();
        builder.Services.AddScoped<PortfolioService>();
        builder.Services.AddHostedService<SnapshotScheduler>();
        builder.Services.AddSingleton<LedgerHoldings>();
        builder.Services.AddSingleton<LedgerBackfill>();
        builder.Services.AddHostedService<LedgerBackfillTrigger>();
        return builder;
    }
}

namespace AllexPortal.Web.Prices;

/// <summary>Registers the candle cache, the historical price sources built on it, and the demo's reset of sandbox candles.</summary>
public static class PricesServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalPrices(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<CandleStore>();
        builder.Services.AddSingleton<HistoricalPriceSources>();
        builder.Services.AddHostedService<DemoCandleReset>();
        return builder;
    }
}

namespace AllexPortal.Web.Prices;

/// <summary>Registers the candle cache and the historical price sources built on it.</summary>
public static class PricesServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalPrices(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<CandleStore>();
        builder.Services.AddSingleton<HistoricalPriceSources>();
        return builder;
    }
}

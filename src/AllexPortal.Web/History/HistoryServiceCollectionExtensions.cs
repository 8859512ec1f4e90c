namespace AllexPortal.Web.History;

/// <summary>Registers the history queries and maps the CSV export and exchange passthrough endpoints.</summary>
public static class HistoryServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalHistory(this WebApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<HistoryService>();
        builder.Services.AddScoped<ExchangeCsvPassthrough>();
        return builder;
    }
}

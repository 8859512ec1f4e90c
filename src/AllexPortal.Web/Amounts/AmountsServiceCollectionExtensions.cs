using AllexPortal.Web.Portfolio;

namespace AllexPortal.Web.Amounts;

/// <summary>Registers what decides and strips amounts for members whose role may not see them (issue 9).</summary>
public static class AmountsServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalAmounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<VisiblePortfolio>();
        builder.Services.AddScoped<HistoryWithoutAmounts>();
        return builder;
    }
}

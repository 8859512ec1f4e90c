using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AllexPortal.Web.Reports;

/// <summary>Registers the reports: ledger reader, background jobs, the in-memory result cache and the downloads.</summary>
public static class ReportsServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReportLedger>();
        builder.Services.AddSingleton<ReportCache>();
        builder.Services.AddSingleton<ReportJobs>();
        builder.Services.TryAddSingleton<IReportPrices, ExchangeReportPrices>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    public static WebApplication MapPortalReports(this WebApplication app)
    {
        app.MapReportDownloads();
        return app;
    }
}

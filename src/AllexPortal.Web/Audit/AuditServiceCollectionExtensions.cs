namespace AllexPortal.Web.Audit;

/// <summary>Registers the audit log, its reader and the client-address capture, and maps the CSV export.</summary>
public static class AuditServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ClientAddress>();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<AuditReader>();
        return builder;
    }

    public static WebApplication MapPortalAudit(this WebApplication app)
    {
        app.MapPortalAuditExport();
        return app;
    }
}

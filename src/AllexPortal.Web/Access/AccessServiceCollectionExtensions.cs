namespace AllexPortal.Web.Access;

/// <summary>Registers <see cref="PortalAccess"/>.</summary>
public static class AccessServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PortalAccess>();
        return builder;
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AllexPortal.Web.Connections;

/// <summary>Registers the credential vault and the connection service.</summary>
public static class ConnectionServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalConnections(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CredentialVault>();
        builder.Services.AddScoped<ConnectionService>();
        builder.Services.AddSingleton<KeyPermissionProbe>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}

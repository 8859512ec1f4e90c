using AllexPortal.Web.Components.Account;
using AllexPortal.Web.Security;
using AllexPortal.Web.Theme;
using MudBlazor.Services;

namespace AllexPortal.Web.Components;

/// <summary>The Blazor side of the portal: interactive server components, MudBlazor and the theme store.</summary>
internal static class UiServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddScoped<UserThemeStore>();
        builder.Services.AddSingleton<PortalThemeStyles>();
        return builder;
    }

    public static WebApplication MapPortalUi(this WebApplication app)
    {
        app.UseAntiforgery();
        app.UsePortalAntiforgeryEnforcement();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        return app;
    }
}

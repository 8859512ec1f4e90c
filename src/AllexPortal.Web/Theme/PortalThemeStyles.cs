using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.Web.HtmlRendering;
using MudBlazor;

namespace AllexPortal.Web.Theme;

/// <summary>
/// The style sheets MudThemeProvider writes for <see cref="PortalMudTheme.Shared"/>, rendered once per scheme and
/// shared by every page (<see cref="PortalThemeStyle"/>).
/// </summary>
/// <remarks>
/// MudThemeProvider builds its 23 KB of CSS variables as a new string in every tab, and keeps a component, a JS
/// callback object and the string for as long as the tab is open. The portal's theme never changes at run time, so
/// the provider's own output is rendered here, once, by Blazor's <see cref="HtmlRenderer"/>, and every tab points at
/// the same two strings. The CSS is MudBlazor's, byte for byte (tested), so a MudBlazor upgrade changes it with no
/// code here. The provider's optional features the portal does not use (following the operating system's dark mode)
/// are all this leaves out.
/// </remarks>
public sealed class PortalThemeStyles
{
    private readonly Lazy<MarkupString> light;
    private readonly Lazy<MarkupString> dark;

    /// <summary>Creates the styles; they are rendered on first use, with the application's services.</summary>
    public PortalThemeStyles(IServiceScopeFactory scopes, ILoggerFactory loggers)
    {
        light = new Lazy<MarkupString>(() => Render(scopes, loggers, isDarkMode: false));
        dark = new Lazy<MarkupString>(() => Render(scopes, loggers, isDarkMode: true));
    }

    /// <summary>MudThemeProvider's markup (its style elements) for the light or the dark scheme.</summary>
    public MarkupString For(bool isDarkMode) => isDarkMode ? dark.Value : light.Value;

    /// <summary>Renders MudThemeProvider for the portal theme as static HTML.</summary>
    public static MarkupString Render(IServiceScopeFactory scopes, ILoggerFactory loggers, bool isDarkMode) =>
        // Off the caller's thread: the HtmlRenderer has a dispatcher of its own, and a circuit's synchronisation
        // context must not wait on it.
        Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var output = await renderer.RenderComponentAsync<MudThemeProvider>(ParameterView.FromDictionary(
                    new Dictionary<string, object?>
                    {
                        [nameof(MudThemeProvider.Theme)] = PortalMudTheme.Shared,
                        [nameof(MudThemeProvider.IsDarkMode)] = isDarkMode,
                    }));
                return output.ToHtmlString();
            });
            return new MarkupString(html);
        }).GetAwaiter().GetResult();
}

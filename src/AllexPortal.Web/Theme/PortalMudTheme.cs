using MudBlazor;

namespace AllexPortal.Web.Theme;

/// <summary>
/// The portal's palette for both schemes. One definition, used by the app shell and the account
/// pages alike, so signing in does not change the look.
/// </summary>
public sealed class PortalMudTheme : MudTheme
{
    /// <summary>
    /// The one instance every layout passes to MudThemeProvider: it is never changed after construction, and a theme
    /// per circuit (about 230 MudColor objects and two palettes) was memory every open tab paid for.
    /// </summary>
    public static PortalMudTheme Shared { get; } = new();

    /// <summary>Creates the portal palette.</summary>
    public PortalMudTheme()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5fbf",
            Secondary = "#0f9d8a",
            AppbarBackground = "#15315f",
            Background = "#f5f7fb",
            DrawerBackground = "#ffffff",
        };
        PaletteDark = new PaletteDark
        {
            Primary = "#6ea8ff",
            Secondary = "#3fd1b8",
            AppbarBackground = "#111a2b",
            Background = "#0b1220",
            Surface = "#141d2e",
            DrawerBackground = "#111a2b",
        };
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "232px" };
    }
}

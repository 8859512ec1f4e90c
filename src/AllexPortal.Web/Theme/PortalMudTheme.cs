using MudBlazor;

namespace AllexPortal.Web.Theme;

/// <summary>
/// The portal's palette for both schemes. One definition, used by the app shell and the account
/// pages alike, so signing in does not change the look.
/// </summary>
public sealed class PortalMudTheme : MudTheme
{
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

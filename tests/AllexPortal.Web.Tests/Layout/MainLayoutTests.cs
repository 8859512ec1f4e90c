using System.Globalization;
using System.Security.Claims;
using AllexPortal.Web.Access;
using AllexPortal.Web.Audit;
using AllexPortal.Web.Components.Layout;
using AllexPortal.Web.Data;
using AllexPortal.Web.Teams;
using AllexPortal.Web.Tests.Infrastructure;
using AllexPortal.Web.Tests.Ledger;
using AllexPortal.Web.Theme;
using Bunit;
using TestContext = Xunit.TestContext;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor.Services;

namespace AllexPortal.Web.Tests.Layout;

public sealed class MainLayoutTests : BunitContext, IAsyncLifetime
{
    private readonly TemporaryDatabase database = new();
    private DbContextOptions<PortalDb> dbOptions = default!;
    private readonly PortalUser user = new() { UserName = "ada@example.com", Email = "ada@example.com" };

    public MainLayoutTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddOptions();
        Services.AddDbContextFactory<PortalDb>(db => db.UsePortalDatabase(database.Provider, database.ConnectionString));
        Services.AddScoped<UserThemeStore>();
        Services.AddSingleton<PortalThemeStyles>();
        Services.AddLogging();
        Services.AddSingleton(TimeProvider.System);
        Services.AddHttpContextAccessor();
        Services.AddScoped<ClientAddress>();
        Services.AddScoped<AuditLog>();
        Services.AddScoped<PortalAccess>();
        Services.AddScoped<WorkspaceService>();
        Services.AddScoped<CurrentWorkspace>();
        Services.AddSingleton<AntiforgeryStateProvider, FixedAntiforgeryStateProvider>();
        AddAuthorization().SetAuthorized(user.UserName!).SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id));
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public async ValueTask InitializeAsync()
    {
        dbOptions = await database.MigrateAsync(TestContext.Current.CancellationToken);
        await using var db = new PortalDb(dbOptions);
        db.Users.Add(user);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Layout_shows_the_product_name_and_every_navigation_link()
    {
        var layout = RenderLayout();

        Assert.Equal("AllexPortal", layout.Find("[data-testid=product-name]").TextContent.Trim());
        var links = layout.FindAll("[data-testid=nav-menu] a")
            .Select(link => (link.TextContent.Trim(), link.GetAttribute("href")))
            .ToList();
        Assert.Equal(
            [
                ("Dashboard", ""), ("Connections", "connections"), ("Assets", "assets"), ("History", "history"),
                ("Trade", "trade"), ("Deposit & withdraw", "wallet"), ("Reports", "reports"),
                ("API keys", "api-keys"), ("Teams", "teams"), ("Audit log", "audit"), ("Settings", "settings"),
            ],
            links);
    }

    [Fact]
    public void Theme_toggle_switches_the_layout_to_dark()
    {
        var layout = RenderLayout();
        Assert.False(WritesDarkPalette(layout));

        layout.Find("[data-testid=theme-toggle]").Click();

        // On PostgreSQL the saved theme is still being read when the toggle is clicked; the layout settles on the
        // toggled theme once that read is done (it never overrides a toggle).
        layout.WaitForAssertion(() => Assert.True(WritesDarkPalette(layout)), TimeSpan.FromSeconds(10));
        Assert.Equal("Dark", layout.Find("[data-testid=theme-toggle]").GetAttribute("data-theme"));
    }

    [Fact]
    public async Task Theme_toggle_saves_the_choice_on_the_user()
    {
        var layout = RenderLayout();

        layout.Find("[data-testid=theme-toggle]").Click();

        // The click's handler saves asynchronously; wait until the choice is in the database.
        await Eventually.TrueAsync(async () => await SavedThemeAsync() == PortalTheme.Dark, seconds: 10);
        Assert.Equal(PortalTheme.Dark, await SavedThemeAsync());
    }

    [Fact]
    public async Task Layout_starts_in_the_theme_saved_for_the_user()
    {
        await using (var db = new PortalDb(dbOptions))
        {
            await db.Users.Where(u => u.Id == user.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.Theme, PortalTheme.Dark), TestContext.Current.CancellationToken);
        }

        var layout = RenderLayout();

        // The saved theme is read asynchronously (truly so on PostgreSQL), so the first render may still be light.
        layout.WaitForAssertion(
            () => Assert.True(WritesDarkPalette(layout)), TimeSpan.FromSeconds(10));
    }

    private async Task<PortalTheme> SavedThemeAsync()
    {
        await using var db = new PortalDb(dbOptions);
        return await db.Users.Where(u => u.Id == user.Id).Select(u => u.Theme).SingleAsync(TestContext.Current.CancellationToken);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        database.Dispose();
    }

    [Fact]
    public void Menu_button_toggles_the_drawer_and_a_tap_beside_it_closes_it()
    {
        var layout = RenderLayout();
        Assert.DoesNotContain("portal-drawer-toggled", layout.Find("[data-testid=nav-drawer]").ClassName, StringComparison.Ordinal);
        Assert.Empty(layout.FindAll("[data-testid=drawer-scrim]"));

        layout.Find("[data-testid=drawer-toggle]").Click();

        // On PostgreSQL the saved theme may still be being read when the button is clicked, and the layout renders
        // again when it arrives: wait for the markup rather than read it at once.
        layout.WaitForAssertion(
            () => Assert.Contains("portal-drawer-toggled", layout.Find("[data-testid=nav-drawer]").ClassName, StringComparison.Ordinal), Settle);
        layout.WaitForElement("[data-testid=drawer-scrim]").Click();
        layout.WaitForAssertion(
            () => Assert.DoesNotContain("portal-drawer-toggled", layout.Find("[data-testid=nav-drawer]").ClassName, StringComparison.Ordinal), Settle);
        Assert.Empty(layout.FindAll("[data-testid=drawer-scrim]"));
    }

    [Fact]
    public void Choosing_a_page_in_a_toggled_drawer_closes_it_and_in_an_untoggled_one_keeps_it()
    {
        var layout = RenderLayout();

        layout.Find("[data-testid=nav-history]").Click();
        Assert.DoesNotContain("portal-drawer-toggled", layout.Find("[data-testid=nav-drawer]").ClassName, StringComparison.Ordinal);

        layout.Find("[data-testid=drawer-toggle]").Click();
        layout.WaitForAssertion(
            () => Assert.Contains("portal-drawer-toggled", layout.Find("[data-testid=nav-drawer]").ClassName, StringComparison.Ordinal), Settle);
        layout.Find("[data-testid=nav-settings]").Click();
        layout.WaitForAssertion(
            () => Assert.DoesNotContain("portal-drawer-toggled", layout.Find("[data-testid=nav-drawer]").ClassName, StringComparison.Ordinal), Settle);
    }

    [Fact]
    public void Workspace_menu_lists_personal_and_closes_on_escape_or_a_click_beside_it()
    {
        var layout = RenderLayout();
        Assert.Empty(layout.FindAll("[data-testid=workspace-menu]"));

        layout.WaitForElement("[data-testid=workspace-current]").Click();
        var options = layout.WaitForElements("[data-testid=workspace-option]");
        Assert.Equal("personal", options[0].GetAttribute("data-workspace"));
        Assert.Equal("true", options[0].GetAttribute("aria-checked"));
        Assert.Equal("true", layout.Find("[data-testid=workspace-current]").GetAttribute("aria-expanded"));

        // The layout and the switcher also render when their own reads finish (slower on PostgreSQL), so each
        // state after an event is awaited rather than read at once.
        layout.Find("[data-testid=workspace-option]").KeyDown(new KeyboardEventArgs { Key = "Escape" });
        layout.WaitForAssertion(() => Assert.Empty(layout.FindAll("[data-testid=workspace-menu]")), Settle);
        Assert.Equal("false", layout.Find("[data-testid=workspace-current]").GetAttribute("aria-expanded"));

        layout.Find("[data-testid=workspace-current]").Click();
        layout.WaitForElement("[data-testid=workspace-menu-backdrop]").Click();
        layout.WaitForAssertion(() => Assert.Empty(layout.FindAll("[data-testid=workspace-menu]")), Settle);
    }

    /// <summary>How long a test waits for the markup an event causes.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    [Fact]
    public void Theme_styles_are_MudBlazors_for_the_portal_palette_and_shared_by_every_layout()
    {
        var styles = Services.GetRequiredService<PortalThemeStyles>();
        var light = styles.For(isDarkMode: false).Value;
        var dark = styles.For(isDarkMode: true).Value;

        Assert.Contains("mud-theme-provider", light, StringComparison.Ordinal);
        Assert.Contains("--mud-palette-primary", light, StringComparison.Ordinal);
        Assert.NotEqual(light, dark);
        Assert.Same(light, styles.For(isDarkMode: false).Value);
        var layout = RenderLayout();
        Assert.Contains(light, layout.Markup, StringComparison.Ordinal);
    }

    private bool WritesDarkPalette(IRenderedComponent<MainLayout> layout)
    {
        var styles = Services.GetRequiredService<PortalThemeStyles>();
        var markup = layout.Markup;
        return markup.Contains(styles.For(isDarkMode: true).Value, StringComparison.Ordinal)
            && !markup.Contains(styles.For(isDarkMode: false).Value, StringComparison.Ordinal);
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(parameters => parameters.Add(layout => layout.Body, (RenderFragment)(body => body.AddContent(0, "page"))));

    /// <summary>The sign-out form renders an antiforgery token; a fixed one is enough outside a request.</summary>
    private sealed class FixedAntiforgeryStateProvider : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("token", "__RequestVerificationToken");
    }
}

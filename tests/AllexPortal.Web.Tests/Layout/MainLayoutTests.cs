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
using MudBlazor;
using MudBlazor.Extensions;
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
        var themeProvider = layout.FindComponent<MudThemeProvider>();
        Assert.False(themeProvider.Instance.GetState(x => x.IsDarkMode));

        layout.Find("[data-testid=theme-toggle]").Click();

        // On PostgreSQL the saved theme is still being read when the toggle is clicked; the layout settles on the
        // toggled theme once that read is done (it never overrides a toggle).
        layout.WaitForAssertion(() => Assert.True(themeProvider.Instance.GetState(x => x.IsDarkMode)), TimeSpan.FromSeconds(10));
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
            () => Assert.True(layout.FindComponent<MudThemeProvider>().Instance.GetState(x => x.IsDarkMode)), TimeSpan.FromSeconds(10));
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

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(parameters => parameters.Add(layout => layout.Body, (RenderFragment)(body => body.AddContent(0, "page"))));

    /// <summary>The sign-out form renders an antiforgery token; a fixed one is enough outside a request.</summary>
    private sealed class FixedAntiforgeryStateProvider : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("token", "__RequestVerificationToken");
    }
}

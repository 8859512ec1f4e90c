using AllexPortal.E2E.Infrastructure;

namespace AllexPortal.E2E;

/// <summary>
/// The signed-in shell at desktop and phone widths, in both themes. Each test also saves a
/// screenshot (see <see cref="Screenshots"/>) so the look can be reviewed.
/// </summary>
public sealed class ShellLayoutTests(PortalServer portal, Chromium chromium)
    : IClassFixture<PortalServer>, IClassFixture<Chromium>
{
    [Fact]
    public async Task Desktop_shell_shows_the_navigation_beside_the_page()
    {
        await using var session = await SignedInSessionAsync("desk@example.com", width: 1280);

        var drawer = await session.Page.Locator("[data-testid=nav-drawer]").BoundingBoxAsync();
        var title = await session.Page.Locator("[data-testid=page-title]").BoundingBoxAsync();
        await SaveScreenshotAsync(session, "shell-1280.png");

        Assert.True(drawer!.Width > 150, $"The drawer should be open at 1280 px, width was {drawer.Width}.");
        Assert.True(title!.X >= drawer.X + drawer.Width, "The page should start right of the drawer.");
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Phone_shell_fits_375_px_without_sideways_scrolling()
    {
        await using var session = await SignedInSessionAsync("phone@example.com", width: 375, height: 812);

        var scrollWidth = await session.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var navigationHidden = !await session.Page.Locator("[data-testid=nav-dashboard]").IsVisibleAsync();
        await SaveScreenshotAsync(session, "shell-375.png");

        Assert.True(scrollWidth <= 375, $"The page is {scrollWidth} px wide on a 375 px screen.");
        Assert.True(navigationHidden, "The drawer should start closed on a phone.");
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Phone_menu_button_opens_the_navigation_over_the_page()
    {
        await using var session = await SignedInSessionAsync("thumb@example.com", width: 375, height: 812);
        var dashboardLink = session.Page.Locator("[data-testid=nav-dashboard]");

        await Eventually.SucceedsAsync("the menu button to open the drawer", async () =>
        {
            await session.Page.ClickAsync("[data-testid=drawer-toggle]");
            await Task.Delay(300, TestContext.Current.CancellationToken);
            return await dashboardLink.IsVisibleAsync();
        });
        await SaveScreenshotAsync(session, "shell-375-menu.png");

        Assert.True(await session.Page.Locator("[data-testid=nav-settings]").IsVisibleAsync());
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Phone_drawer_closes_when_a_page_is_chosen_in_it()
    {
        await using var session = await SignedInSessionAsync("tapper@example.com", width: 375, height: 812);
        var historyLink = session.Page.Locator("[data-testid=nav-history]");

        await session.Page.ClickAsync("[data-testid=drawer-toggle]");
        await Eventually.SucceedsAsync("the drawer to open", () => historyLink.IsVisibleAsync());
        await historyLink.ClickAsync();
        await session.Page.WaitForURLAsync(portal.BaseUrl + "/history**");

        await Eventually.SucceedsAsync("the drawer to close", async () => !await historyLink.IsVisibleAsync());
        Assert.Equal("page", await historyLink.GetAttributeAsync("aria-current"));
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Workspace_menu_opens_under_its_button_and_links_to_teams()
    {
        await using var session = await SignedInSessionAsync("switcher@example.com", width: 1280);

        await session.Page.ClickAsync("[data-testid=workspace-current]");
        var personal = session.Page.Locator("[data-testid=workspace-option][data-workspace=personal]");
        await Eventually.SucceedsAsync("the workspace menu to open", () => personal.IsVisibleAsync());
        var button = await session.Page.Locator("[data-testid=workspace-current]").BoundingBoxAsync();
        var menu = await session.Page.Locator("[data-testid=workspace-menu]").BoundingBoxAsync();
        await SaveScreenshotAsync(session, "workspace-menu-1280.png");

        Assert.True(menu!.Y >= button!.Y + button.Height - 1, "The menu should open below its button.");
        Assert.Equal("true", await personal.GetAttributeAsync("aria-checked"));
        await session.Page.ClickAsync("[data-testid=workspace-manage]");
        await session.Page.WaitForURLAsync(portal.BaseUrl + "/teams**");
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Desktop_navigation_marks_the_current_page_and_keeps_the_drawer_open()
    {
        await using var session = await SignedInSessionAsync("strider@example.com", width: 1280);

        await session.Page.ClickAsync("[data-testid=nav-history]");
        await session.Page.WaitForURLAsync(portal.BaseUrl + "/history**");
        await Eventually.SucceedsAsync("the history link to be marked current", async () =>
            (await session.Page.GetAttributeAsync("[data-testid=nav-history]", "aria-current")) == "page");

        Assert.True(await session.Page.Locator("[data-testid=nav-dashboard]").IsVisibleAsync(), "The drawer should stay open at 1280 px.");
        Assert.Null(await session.Page.GetAttributeAsync("[data-testid=nav-dashboard]", "aria-current"));
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Dark_theme_is_applied_and_remembered_after_reload()
    {
        await using var session = await SignedInSessionAsync("night@example.com", width: 1280);

        await session.ToggleThemeAsync();
        await session.Page.ReloadAsync();
        var background = await session.Page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        await SaveScreenshotAsync(session, "shell-1280-dark.png");

        Assert.Equal("Dark", await session.Page.GetAttributeAsync("[data-testid=theme-toggle]", "data-theme"));
        Assert.True(IsDark(background), $"The body background should be dark, was {background}.");
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Sign_in_page_fits_375_px_without_sideways_scrolling()
    {
        await using var session = await PortalSession.OpenAsync(chromium.Browser, portal.BaseUrl, 375, 812);

        await session.Page.GotoAsync("/Account/Login");
        var scrollWidth = await session.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        await SaveScreenshotAsync(session, "sign-in-375.png");

        Assert.True(scrollWidth <= 375, $"The sign-in page is {scrollWidth} px wide on a 375 px screen.");
        Assert.Empty(session.ConsoleErrors);
    }

    private async Task<PortalSession> SignedInSessionAsync(string email, int width, int height = 800)
    {
        var session = await PortalSession.OpenAsync(chromium.Browser, portal.BaseUrl, width, height);
        await session.RegisterAsync(email);
        await session.WaitUntilInteractiveAsync();
        return session;
    }

    private static Task SaveScreenshotAsync(PortalSession session, string fileName) => Screenshots.SaveAsync(session.Page, fileName);

    private static bool IsDark(string cssColor)
    {
        var channels = cssColor[(cssColor.IndexOf('(', StringComparison.Ordinal) + 1)..cssColor.IndexOf(')', StringComparison.Ordinal)]
            .Split(',')
            .Take(3)
            .Select(channel => double.Parse(channel, System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
        return (0.2126 * channels[0]) + (0.7152 * channels[1]) + (0.0722 * channels[2]) < 80;
    }
}

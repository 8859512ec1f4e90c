using Microsoft.Playwright;

namespace AllexPortal.E2E.Infrastructure;

/// <summary>
/// One person's browser tab on the portal, with the steps tests repeat (register, sign in, sign out)
/// and a record of console errors, so a blocked script or style fails the test that caused it.
/// </summary>
public sealed class PortalSession : IAsyncDisposable
{
    public const string Password = "Correct-Horse-7";

    private readonly IBrowserContext context;
    private readonly List<string> consoleErrors = [];

    private PortalSession(IBrowserContext context, IPage page, string baseUrl)
    {
        this.context = context;
        Page = page;
        BaseUrl = baseUrl;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => consoleErrors.Add(error);
    }

    public IPage Page { get; }

    public string BaseUrl { get; }

    /// <summary>Errors the browser console reported so far (CSP violations show up here).</summary>
    public IReadOnlyList<string> ConsoleErrors => consoleErrors;

    public static async Task<PortalSession> OpenAsync(IBrowser browser, string baseUrl, int width = 1280, int height = 800)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return new PortalSession(context, await context.NewPageAsync(), baseUrl);
    }

    /// <summary>The path of the current page, e.g. <c>/</c> or <c>/Account/Login</c>.</summary>
    public string Path => new Uri(Page.Url).AbsolutePath;

    public async Task RegisterAsync(string email)
    {
        await Page.GotoAsync("/Account/Register");
        await Page.FillAsync("[name='Input.Email']", email);
        await Page.FillAsync("[name='Input.Password']", Password);
        await Page.FillAsync("[name='Input.ConfirmPassword']", Password);
        await Page.ClickAsync("[data-testid=register-submit]");
        await Page.WaitForURLAsync(BaseUrl + "/");
    }

    /// <summary>Fills the sign-in form; the caller asserts where it leads.</summary>
    public async Task SubmitSignInAsync(string email)
    {
        await Page.GotoAsync("/Account/Login");
        await Page.FillAsync("[name='Input.Email']", email);
        await Page.FillAsync("[name='Input.Password']", Password);
        await Page.ClickAsync("[data-testid=login-submit]");
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Signs out with the app bar's button and waits for the sign-in page.</summary>
    public async Task SignOutAsync()
    {
        await Page.ClickAsync("[data-testid=sign-out]");
        await Page.WaitForURLAsync("**/Account/Login**");
    }

    /// <summary>Waits until the shell is interactive (the circuit has rendered over the prerendered page).</summary>
    public async Task WaitUntilInteractiveAsync() =>
        await Page.WaitForSelectorAsync("[data-interactive=true]", new PageWaitForSelectorOptions { Timeout = 15_000 });

    /// <summary>Waits until the interactive circuit answers: the theme toggle flips when clicked.</summary>
    public async Task ToggleThemeAsync()
    {
        var toggle = Page.Locator("[data-testid=theme-toggle]");
        var before = await toggle.GetAttributeAsync("data-theme");
        await Eventually.SucceedsAsync("the theme toggle to switch the theme", async () =>
        {
            if (await toggle.GetAttributeAsync("data-theme") != before)
            {
                return true;
            }

            // A click before the circuit is interactive does nothing, so clicks are retried; but a click that was
            // taken may be slow to show under load, and a second click then would switch the theme back.
            await toggle.ClickAsync();
            for (var waited = 0; waited < 50; waited++)
            {
                if (await toggle.GetAttributeAsync("data-theme") != before)
                {
                    return true;
                }

                await Task.Delay(100, TestContext.Current.CancellationToken);
            }

            return false;
        });
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}

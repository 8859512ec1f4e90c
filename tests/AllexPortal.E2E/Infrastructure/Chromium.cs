using Microsoft.Playwright;

namespace AllexPortal.E2E.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright (Playwright's own browser download cannot work here).
/// A missing browser fails the tests; only <c>ALLEXPORTAL_E2E_ALLOW_NO_BROWSER=1</c>, and never under
/// <c>CI=true</c>, turns that into an explicit skip.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    /// <summary>Environment variable naming the Chromium executable; default <c>/usr/bin/chromium</c>.</summary>
    public const string PathVariable = "ALLEXPORTAL_CHROMIUM";

    /// <summary>Environment variable that lets a developer without Chromium skip (never under CI).</summary>
    public const string AllowMissingVariable = "ALLEXPORTAL_E2E_ALLOW_NO_BROWSER";

    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>Why the browser is unavailable, or <c>null</c> when it runs.</summary>
    public string? MissingReason { get; private set; }

    public IBrowser Browser
    {
        get
        {
            if (browser is not null)
            {
                return browser;
            }

            if (MaySkipWithoutBrowser(
                    Environment.GetEnvironmentVariable("CI"), Environment.GetEnvironmentVariable(AllowMissingVariable)))
            {
                Assert.Skip($"{MissingReason} Skipped because {AllowMissingVariable}=1.");
            }

            throw new InvalidOperationException(
                $"{MissingReason} Install Debian's chromium package or set {PathVariable}.");
        }
    }

    /// <summary>
    /// Whether a missing browser may skip the tests: only when <paramref name="allowMissing"/> is <c>1</c>
    /// and <paramref name="ci"/> is not <c>true</c>.
    /// </summary>
    public static bool MaySkipWithoutBrowser(string? ci, string? allowMissing) =>
        allowMissing == "1" && !string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase);

    public async ValueTask InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured
            ? configured
            : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            MissingReason = $"Chromium was not found at '{executable}'.";
            return;
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}

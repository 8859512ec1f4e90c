using Microsoft.Playwright;

namespace AllexPortal.E2E.Infrastructure;

/// <summary>
/// Where shell screenshots go: the test output folder always, and also the folder named by
/// <c>ALLEXPORTAL_SCREENSHOTS_DIR</c> (relative paths start at the repository root) when set, which is
/// how <c>docs/screenshots/</c> is refreshed.
/// </summary>
public static class Screenshots
{
    public const string DirectoryVariable = "ALLEXPORTAL_SCREENSHOTS_DIR";

    /// <summary>Saves a screenshot of the visible page under <paramref name="fileName"/> in every target folder.</summary>
    public static async Task SaveAsync(IPage page, string fileName)
    {
        foreach (var path in PathsFor(fileName))
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        }
    }

    private static List<string> PathsFor(string fileName)
    {
        var paths = new List<string> { Path.Combine(AppContext.BaseDirectory, "screenshots", fileName) };
        if (Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured)
        {
            var folder = Path.IsPathRooted(configured) ? configured : Path.Combine(RepositoryRoot(), configured);
            paths.Add(Path.Combine(folder, fileName));
        }

        foreach (var folder in paths.Select(Path.GetDirectoryName).Distinct())
        {
            Directory.CreateDirectory(folder!);
        }

        return paths;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AllexPortal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("AllexPortal.sln not found above the test folder.");
    }
}

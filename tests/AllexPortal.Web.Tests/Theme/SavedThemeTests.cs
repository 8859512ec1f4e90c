using AllexPortal.Web.Data;
using AllexPortal.Web.Tests.Infrastructure;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Theme;

/// <summary>The saved theme is in the first HTML the server sends, so no page flashes the wrong one.</summary>
public sealed class SavedThemeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/", "[data-testid=theme-toggle]")]
    [InlineData("/Account/Manage", ".portal-account-shell")]
    public async Task Page_is_prerendered_in_the_theme_saved_for_the_user(string path, string themedElement)
    {
        var email = $"theme-{Guid.NewGuid():N}@example.com";
        using var client = portal.CreatePortalClient();
        using var registered = await client.RegisterAsync(email);
        await SaveThemeAsync(email, PortalTheme.Dark);

        using var response = await client.GetAsync(path);

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var document = await new HtmlParser().ParseDocumentAsync(html, TestContext.Current.CancellationToken);
        Assert.Equal("Dark", document.QuerySelector(themedElement)?.GetAttribute("data-theme"));
    }

    private async Task SaveThemeAsync(string email, PortalTheme theme)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var normalized = scope.ServiceProvider.GetRequiredService<ILookupNormalizer>().NormalizeEmail(email);
        await scope.ServiceProvider.GetRequiredService<PortalDb>().Users
            .Where(user => user.NormalizedEmail == normalized)
            .ExecuteUpdateAsync(set => set.SetProperty(user => user.Theme, theme), TestContext.Current.CancellationToken);
    }
}

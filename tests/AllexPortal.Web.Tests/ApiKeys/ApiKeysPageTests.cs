using AllexPortal.Web.Components.Pages.ApiKeys;
using Bunit;
using MudBlazor;

namespace AllexPortal.Web.Tests.ApiKeys;

/// <summary>The API keys page over the real services: sign-in first, masked keys, and no secret in its markup.</summary>
public sealed class ApiKeysPageTests(KeysPortal portal) : KeyComponentContext(portal), IClassFixture<KeysPortal>
{
    [Fact]
    public async Task Page_without_an_exchange_session_offers_the_sign_in()
    {
        await StartAsync();
        Render<MudPopoverProvider>();

        var page = Render<Components.Pages.ApiKeys.ApiKeys>();

        Assert.NotEmpty(page.FindAll("[data-testid=exchange-sign-in]"));
        Assert.NotEmpty(page.FindAll("[data-testid=api-keys-sign-in-needed]"));
        Assert.Empty(page.FindAll("[data-testid=api-key-list]"));
    }

    [Fact]
    public async Task Signed_in_page_lists_keys_masked_and_shows_no_secret()
    {
        await StartAsync();
        await SignInAsync();
        var created = await CreateKeyAsync($"listed {Guid.NewGuid():N}");
        var credentials = created.Secret.Reveal();
        Render<MudPopoverProvider>();

        var page = Render<Components.Pages.ApiKeys.ApiKeys>();

        page.WaitForAssertion(() => Assert.Contains(created.Key.Name, page.Markup, StringComparison.Ordinal), Wait);
        Assert.Contains(created.Secret.MaskedKey, page.FindAll("[data-testid=api-key-masked]").Select(e => e.TextContent));
        Assert.DoesNotContain(credentials.ApiSecret, page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(credentials.ApiKey, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Key_created_on_the_page_shows_its_secret_once_and_then_nowhere()
    {
        await StartAsync();
        await SignInAsync();
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<Components.Pages.ApiKeys.ApiKeys>();
        page.WaitForElement("[data-testid=api-key-masked]", Wait);
        page.Find("[data-testid=api-keys-create]").Click();
        var name = $"page {Guid.NewGuid():N}";
        page.WaitForElement("[data-testid=create-key-send-code]", Wait).Click();
        page.WaitForElement("[data-testid=create-key-code-sent]", Wait);
        Type(page, "create-key-name", name);
        Type(page, "create-key-otp", Portal.DemoOtp());
        Type(page, "create-key-email-code", Portal.DemoEmailCode());

        page.Find("[data-testid=create-key-submit]").Click();

        var secret = dialogs.WaitForElement("[data-testid=one-time-secret]", Wait).TextContent.Trim();
        Assert.Equal(50, secret.Length);
        dialogs.Find("[data-testid=one-time-close]").Click();
        page.WaitForAssertion(() => Assert.Contains($"Key \"{name}\"", page.Find("[data-testid=api-keys-notice]").TextContent, StringComparison.Ordinal), Wait);
        page.WaitForAssertion(() => Assert.Contains(name, page.Markup, StringComparison.Ordinal), Wait);
        Assert.DoesNotContain(secret, page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, dialogs.Markup, StringComparison.Ordinal);
    }
}

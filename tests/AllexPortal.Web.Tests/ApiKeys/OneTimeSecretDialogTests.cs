using AllexPortal.Web.Components.Pages.ApiKeys;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AllexPortal.Web.Tests.ApiKeys;

/// <summary>The one-time secret dialog shows a new key's secret until it is closed, and never again.</summary>
public sealed class OneTimeSecretDialogTests(KeysPortal portal) : KeyComponentContext(portal), IClassFixture<KeysPortal>
{
    [Fact]
    public async Task Dialog_shows_the_secret_until_closed()
    {
        await StartAsync();
        await SignInAsync();
        var created = await CreateKeyAsync($"dialog {Guid.NewGuid():N}");
        var secret = created.Secret.Reveal().ApiSecret;
        var dialogs = Render<MudDialogProvider>();
        var closed = Renderer.Dispatcher.InvokeAsync(() => OneTimeSecretDialog.ShowAsync(DialogService, created, UserId));

        var shown = dialogs.WaitForElement("[data-testid=one-time-secret]", Wait).TextContent.Trim();
        dialogs.Find("[data-testid=one-time-close]").Click();
        await closed;

        Assert.Equal(secret, shown);
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")), Wait);
        Assert.DoesNotContain(secret, dialogs.Markup, StringComparison.Ordinal);
        Assert.False(created.Secret.IsAvailable);
    }

    [Fact]
    public async Task Dialog_opened_again_for_the_same_key_cannot_show_the_secret()
    {
        await StartAsync();
        await SignInAsync();
        var created = await CreateKeyAsync($"again {Guid.NewGuid():N}");
        var secret = created.Secret.Reveal().ApiSecret;
        var dialogs = Render<MudDialogProvider>();
        var first = Renderer.Dispatcher.InvokeAsync(() => OneTimeSecretDialog.ShowAsync(DialogService, created, UserId));
        dialogs.WaitForElement("[data-testid=one-time-close]", Wait).Click();
        await first;

        _ = Renderer.Dispatcher.InvokeAsync(() => OneTimeSecretDialog.ShowAsync(DialogService, created, UserId));

        dialogs.WaitForElement("[data-testid=one-time-gone]", Wait);
        Assert.Empty(dialogs.FindAll("[data-testid=one-time-secret]"));
        Assert.DoesNotContain(secret, dialogs.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_is_saved_as_a_connection_from_the_dialog()
    {
        await StartAsync();
        await SignInAsync();
        var created = await CreateKeyAsync($"saving {Guid.NewGuid():N}");
        var dialogs = Render<MudDialogProvider>();
        var closed = Renderer.Dispatcher.InvokeAsync(() => OneTimeSecretDialog.ShowAsync(DialogService, created, UserId));
        dialogs.WaitForElement("[data-testid=one-time-label]", Wait);
        Type(dialogs, "one-time-label", "Straight from the dialog");

        dialogs.Find("[data-testid=one-time-save]").Click();

        var saved = dialogs.WaitForElement("[data-testid=one-time-saved]", Wait).TextContent;
        dialogs.Find("[data-testid=one-time-close]").Click();
        var connection = await closed;
        Assert.Contains("Straight from the dialog", saved, StringComparison.Ordinal);
        Assert.NotNull(connection);
        Assert.Equal(created.Secret.MaskedKey, connection.MaskedKey);
    }

    private IDialogService DialogService => Services.GetRequiredService<IDialogService>();
}

using System.Security.Claims;
using AllexPortal.Exchange.Errors;
using AllexPortal.Web.ApiKeys;
using AllexPortal.Web.Components.ExchangeSignIn;
using AllexPortal.Web.ExchangeSignIn;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace AllexPortal.Web.Components.Pages.ApiKeys;

/// <summary>
/// The exchange account's API keys: sign in to ALLEX, turn on 2FA if needed, list, create (with the one-time secret
/// dialog) and revoke. Everything goes through <see cref="ApiKeyService"/> with this circuit's exchange session; the
/// page never holds a secret itself (the created key goes straight into <see cref="OneTimeSecretDialog"/>).
/// </summary>
public sealed partial class ApiKeys : IDisposable
{
    private IReadOnlyList<ApiKeySummary>? keys;
    private bool? twoFactorEnabled;
    private bool creating;
    private Notice? notice;
    private string userId = "";

    [Inject]
    private ExchangeSession Session { get; set; } = default!;

    [Inject]
    private ExchangeTwoFactor TwoFactor { get; set; } = default!;

    [Inject]
    private ApiKeyService Service { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var state = await AuthenticationState;
        userId = state.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        Session.Changed += OnSessionChanged;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (!Session.IsSignedIn)
        {
            keys = null;
            twoFactorEnabled = null;
            creating = false;
            return;
        }

        try
        {
            twoFactorEnabled = await TwoFactor.IsEnabledAsync();
            keys = await Service.ListAsync(userId);
        }
        catch (Exception e) when (e is ExchangeApiException or ExchangeSignInRequiredException or ApiKeyRefusedException)
        {
            notice = new Notice(Severity.Error, e.Message);
            keys ??= [];
        }
    }

    private async Task EnableTwoFactorAsync()
    {
        if (await EnableExchangeTwoFactorDialog.ShowAsync(Dialogs, userId))
        {
            notice = new Notice(Severity.Success, "Two-factor authentication is on for your ALLEX account.");
            await LoadAsync();
        }
    }

    private async Task OnCreatedAsync(ApiKeyCreation creation)
    {
        creating = false;
        notice = null;
        var masked = creation.Key.MaskedKey;
        var name = creation.Key.Name;
        var connection = await OneTimeSecretDialog.ShowAsync(Dialogs, creation, userId);
        notice = connection is null
            ? new Notice(Severity.Success, $"Key \"{name}\" ({masked}) created. Its secret is no longer shown.")
            : new Notice(Severity.Success, $"Key \"{name}\" ({masked}) created and saved as the connection \"{connection.Label}\".");
        await LoadAsync();
    }

    private async Task RevokeAsync(ApiKeySummary key)
    {
        if (await RevokeApiKeyDialog.ShowAsync(Dialogs, key, userId))
        {
            notice = new Notice(Severity.Success, $"Key \"{key.Name}\" ({key.MaskedKey}) revoked.");
            await LoadAsync();
        }
    }

    private void OnSessionChanged() => _ = InvokeAsync(async () =>
    {
        await LoadAsync();
        StateHasChanged();
    });

    public void Dispose() => Session.Changed -= OnSessionChanged;

    private sealed record Notice(Severity Severity, string Text);
}

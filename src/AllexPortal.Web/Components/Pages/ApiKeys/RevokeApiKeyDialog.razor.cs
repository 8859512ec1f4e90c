using AllexPortal.Exchange.Errors;
using AllexPortal.Web.ApiKeys;
using AllexPortal.Web.ExchangeSignIn;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AllexPortal.Web.Components.Pages.ApiKeys;

/// <summary>Confirms and performs a key's revocation with <see cref="ApiKeyService.RevokeAsync"/>; closes with
/// <c>DialogResult.Ok(true)</c> once revoked. Open it with <see cref="ShowAsync"/>.</summary>
public sealed partial class RevokeApiKeyDialog
{
    private string? otpCode;
    private string? emailCode;
    private string? otpError;
    private string? emailError;
    private string? error;
    private bool codeSent;
    private bool busy;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private ApiKeyService Service { get; set; } = default!;

    /// <summary>The key to revoke. Required.</summary>
    [Parameter]
    [EditorRequired]
    public ApiKeySummary Key { get; set; } = default!;

    /// <summary>The portal user acting. Required.</summary>
    [Parameter]
    [EditorRequired]
    public string UserId { get; set; } = "";

    /// <summary>Shows the dialog and returns true when the key was revoked.</summary>
    public static async Task<bool> ShowAsync(IDialogService dialogs, ApiKeySummary key, string userId)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var parameters = new DialogParameters<RevokeApiKeyDialog> { { d => d.Key, key }, { d => d.UserId, userId } };
        var options = new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true };
        var reference = await dialogs.ShowAsync<RevokeApiKeyDialog>("Revoke API key", parameters, options);
        var result = await reference.Result;
        return result is { Canceled: false, Data: true };
    }

    private async Task SendCodeAsync()
    {
        busy = true;
        error = null;
        try
        {
            await Service.RequestEmailCodeAsync(UserId);
            codeSent = true;
        }
        catch (Exception e) when (e is ExchangeApiException or ApiKeyRefusedException or ExchangeSignInRequiredException)
        {
            error = e.Message;
        }
        finally
        {
            busy = false;
        }
    }

    private async Task RevokeAsync()
    {
        otpError = ApiKeyInput.ValidateOtpCode(otpCode);
        emailError = ApiKeyInput.ValidateEmailCode(emailCode);
        if (otpError is not null || emailError is not null)
        {
            return;
        }

        busy = true;
        error = null;
        try
        {
            await Service.RevokeAsync(UserId, Key.Id, otpCode!, emailCode!);
            Dialog.Close(DialogResult.Ok(true));
        }
        catch (Exception e) when (e is ExchangeApiException or ApiKeyRefusedException or ExchangeSignInRequiredException)
        {
            error = e.Message;
        }
        finally
        {
            busy = false;
            otpCode = null;
        }
    }
}

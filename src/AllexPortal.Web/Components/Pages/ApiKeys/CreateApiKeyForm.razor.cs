using AllexPortal.Exchange.Errors;
using AllexPortal.Web.ApiKeys;
using AllexPortal.Web.ExchangeSignIn;
using Microsoft.AspNetCore.Components;

namespace AllexPortal.Web.Components.Pages.ApiKeys;

/// <summary>
/// Collects and checks a new key's fields, then creates it with <see cref="ApiKeyService.CreateAsync"/>. The 2FA code is
/// cleared after every attempt; the created key (with its one-time secret) goes straight to <see cref="Created"/>.
/// </summary>
public sealed partial class CreateApiKeyForm
{
    private string? name;
    private bool canRead = true;
    private bool canTrade;
    private bool canWithdraw;
    private bool withdrawConfirmed;
    private string? whitelist;
    private string? otpCode;
    private string? emailCode;
    private bool codeSent;
    private bool busy;
    private string? error;
    private string? nameError;
    private string? permissionsError;
    private string? whitelistError;
    private string? otpError;
    private string? emailError;

    [Inject]
    private ApiKeyService Service { get; set; } = default!;

    /// <summary>The portal user acting. Required.</summary>
    [Parameter]
    [EditorRequired]
    public string UserId { get; set; } = "";

    /// <summary>Receives the created key and its one-time secret. Required.</summary>
    [Parameter]
    public EventCallback<ApiKeyCreation> Created { get; set; }

    /// <summary>Raised when the user closes the form. Default none.</summary>
    [Parameter]
    public EventCallback Cancelled { get; set; }

    private void WithdrawChanged(bool value)
    {
        canWithdraw = value;
        withdrawConfirmed = false;
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

    /// <summary>True when every field is valid; otherwise the errors are shown under their fields.</summary>
    private bool Validate()
    {
        nameError = ApiKeyInput.ValidateName(name);
        whitelistError = ApiKeyInput.ValidateWhitelist(whitelist);
        otpError = ApiKeyInput.ValidateOtpCode(otpCode);
        emailError = ApiKeyInput.ValidateEmailCode(emailCode);
        permissionsError = !canRead && !canTrade && !canWithdraw
            ? "Choose at least one permission (read is enough for the dashboard)."
            : canWithdraw && !withdrawConfirmed ? "Confirm the withdraw permission below, or untick it." : null;
        return nameError is null && whitelistError is null && otpError is null && emailError is null && permissionsError is null;
    }

    private async Task CreateAsync()
    {
        error = null;
        if (!Validate())
        {
            return;
        }

        busy = true;
        try
        {
            var draft = new ApiKeyDraft(name!, canRead, canTrade, canWithdraw, whitelist, withdrawConfirmed);
            var creation = await Service.CreateAsync(UserId, draft, otpCode!, emailCode!);
            name = whitelist = null;
            canRead = true;
            canTrade = canWithdraw = withdrawConfirmed = codeSent = false;
            emailCode = null;
            await Created.InvokeAsync(creation);
        }
        catch (Exception e) when (e is ExchangeApiException or ApiKeyRefusedException or ExchangeSignInRequiredException)
        {
            error = e.Message;
        }
        finally
        {
            // A TOTP code is good for one attempt; the e-mail code stays valid for a few minutes, so it is kept.
            busy = false;
            otpCode = null;
        }
    }

    private Task CancelAsync()
    {
        otpCode = emailCode = null;
        return Cancelled.InvokeAsync();
    }
}

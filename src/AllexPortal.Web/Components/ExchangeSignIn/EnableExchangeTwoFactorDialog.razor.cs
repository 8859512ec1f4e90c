using AllexPortal.Exchange.Errors;
using AllexPortal.Web.ApiKeys;
using AllexPortal.Web.ExchangeSignIn;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AllexPortal.Web.Components.ExchangeSignIn;

/// <summary>
/// Enables the exchange account's 2FA through <see cref="ExchangeTwoFactor"/>; closes with <c>DialogResult.Ok(true)</c>
/// once on. Open it with <see cref="ShowAsync"/>.
/// </summary>
public sealed partial class EnableExchangeTwoFactorDialog : IDisposable
{
    private ExchangeTwoFactorEnrollment? enrollment;
    private string? code;
    private string? error;
    private bool busy;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private ExchangeTwoFactor TwoFactor { get; set; } = default!;

    /// <summary>The portal user acting, for the audit log. Required.</summary>
    [Parameter]
    [EditorRequired]
    public string ActorUserId { get; set; } = "";

    /// <summary>Shows the dialog and returns true when 2FA was turned on.</summary>
    public static async Task<bool> ShowAsync(IDialogService dialogs, string actorUserId)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var parameters = new DialogParameters<EnableExchangeTwoFactorDialog> { { d => d.ActorUserId, actorUserId } };
        var options = new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true };
        var reference = await dialogs.ShowAsync<EnableExchangeTwoFactorDialog>("Turn on 2FA", parameters, options);
        var result = await reference.Result;
        return result is { Canceled: false, Data: true };
    }

    protected override async Task OnInitializedAsync()
    {
        try
        {
            enrollment = await TwoFactor.StartAsync();
        }
        catch (Exception e) when (e is ExchangeApiException or ExchangeSignInRequiredException)
        {
            error = e.Message;
        }
    }

    private async Task EnableAsync()
    {
        if (ApiKeyInput.ValidateOtpCode(code) is { } invalid)
        {
            error = invalid;
            return;
        }

        busy = true;
        error = null;
        try
        {
            await TwoFactor.EnableAsync(ActorUserId, code!);
            enrollment = null;
            Dialog.Close(DialogResult.Ok(true));
        }
        catch (ExchangeApiException e) when (e.Kind == ExchangeErrorKind.Rejected)
        {
            error = "ALLEX did not accept that code. Check that your app shows the ALLEX entry you just added and enter its current code.";
        }
        catch (Exception e) when (e is ExchangeApiException or ExchangeSignInRequiredException)
        {
            error = e.Message;
        }
        finally
        {
            busy = false;
            code = null;
        }
    }

    private void Cancel()
    {
        enrollment = null;
        Dialog.Cancel();
    }

    public void Dispose() => enrollment = null;
}

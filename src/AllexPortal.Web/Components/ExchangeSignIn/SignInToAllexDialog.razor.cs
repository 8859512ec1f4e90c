using AllexPortal.Web.ExchangeSignIn;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AllexPortal.Web.Components.ExchangeSignIn;

/// <summary>
/// Signs the user in to the exchange for this circuit through <see cref="ExchangeSession"/>. Closes with
/// <c>DialogResult.Ok(true)</c> once signed in; each refusal (wrong password, 2FA needed or wrong, locked, rate
/// limited, exchange down) is shown in the dialog in its own words. Open it with <see cref="ShowAsync"/>.
/// </summary>
public sealed partial class SignInToAllexDialog
{
    private string? email;
    private string? password;
    private string? otpCode;
    private bool showOtp;
    private bool busy;
    private string? error;
    private ExchangeSignInOutcome? outcome;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private ExchangeSession Session { get; set; } = default!;

    /// <summary>Pre-filled e-mail address, e.g. the last one used. Default none.</summary>
    [Parameter]
    public string? Email { get; set; }

    /// <summary>Shows the dialog and returns true when the user signed in.</summary>
    public static async Task<bool> ShowAsync(IDialogService dialogs, string? email = null)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var parameters = new DialogParameters<SignInToAllexDialog> { { d => d.Email, email } };
        var options = new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true };
        var reference = await dialogs.ShowAsync<SignInToAllexDialog>("Sign in to ALLEX", parameters, options);
        var result = await reference.Result;
        return result is { Canceled: false, Data: true };
    }

    protected override void OnParametersSet() => email ??= Email;

    private async Task SignInAsync()
    {
        busy = true;
        error = null;
        try
        {
            var result = await Session.SignInAsync(email ?? "", password ?? "", showOtp ? otpCode : null);
            outcome = result.Outcome;
            if (result.Succeeded)
            {
                password = otpCode = null;
                Dialog.Close(DialogResult.Ok(true));
                return;
            }

            error = result.Message;
            otpCode = null;
            if (result.Outcome is ExchangeSignInOutcome.OtpRequired or ExchangeSignInOutcome.WrongOtp)
            {
                showOtp = true;
            }
            else if (result.Outcome == ExchangeSignInOutcome.WrongCredentials)
            {
                password = null;
            }
        }
        finally
        {
            busy = false;
        }
    }

    private void Cancel()
    {
        password = otpCode = null;
        Dialog.Cancel();
    }
}

using AllexPortal.Web.ApiKeys;
using AllexPortal.Web.Connections;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace AllexPortal.Web.Components.Pages.ApiKeys;

/// <summary>
/// Shows a new key's secret once, with a copy button and the option to save it as an encrypted portal connection
/// in one step. However the dialog ends (button, Escape, the circuit ending) the secret is discarded
/// (<see cref="OneTimeSecret.Discard"/>), so no later render, of this dialog or any other, can contain it.
/// </summary>
public sealed partial class OneTimeSecretDialog
{
    private readonly string secretElementId = "one-time-secret-" + Guid.NewGuid().ToString("N");
    private string? label;
    private bool withdrawConfirmed;
    private bool copied;
    private bool busy;
    private string? saveError;
    private ConnectionSummary? saved;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private ApiKeyService Service { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>The created key with its one-time secret. Required.</summary>
    [Parameter]
    [EditorRequired]
    public ApiKeyCreation Creation { get; set; } = default!;

    /// <summary>The portal user acting, who would own the connection. Required.</summary>
    [Parameter]
    [EditorRequired]
    public string UserId { get; set; } = "";

    /// <summary>Shows the dialog; returns the connection saved from it, if any. The secret is discarded when this returns.</summary>
    public static async Task<ConnectionSummary?> ShowAsync(IDialogService dialogs, ApiKeyCreation creation, string userId)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(creation);
        var parameters = new DialogParameters<OneTimeSecretDialog> { { d => d.Creation, creation }, { d => d.UserId, userId } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false, CloseOnEscapeKey = true };
        try
        {
            var reference = await dialogs.ShowAsync<OneTimeSecretDialog>("API key created", parameters, options);
            var result = await reference.Result;
            return result?.Data as ConnectionSummary;
        }
        finally
        {
            creation.Secret.Discard();
        }
    }

    protected override void OnParametersSet() => label ??= Creation.Key.Name;

    private async Task CopyAsync()
    {
        // The script copies the text already on the page: the secret does not travel to the browser a second time.
        await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Pages/ApiKeys/OneTimeSecretDialog.razor.js");
        copied = await module.InvokeAsync<bool>("copyText", secretElementId);
    }

    private async Task SaveAsync()
    {
        busy = true;
        saveError = null;
        try
        {
            saved = await Service.SaveAsConnectionAsync(UserId, Creation.Secret, label, withdrawConfirmed);
        }
        catch (Exception e) when (e is ConnectionRefusedException or InvalidOperationException)
        {
            saveError = e.Message;
        }
        finally
        {
            busy = false;
        }
    }

    private void Close()
    {
        Creation.Secret.Discard();
        Dialog.Close(DialogResult.Ok(saved));
    }

    public void Dispose() => Creation?.Secret.Discard();
}

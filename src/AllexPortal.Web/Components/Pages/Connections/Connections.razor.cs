using System.Security.Claims;
using AllexPortal.Web.Access;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Demo;
using AllexPortal.Web.Teams;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace AllexPortal.Web.Components.Pages.Connections;

/// <summary>
/// Lists, adds, renames, re-keys and deletes the user's exchange connections. Key and secret typed here go to
/// <see cref="ConnectionService"/> and are cleared from the page's state as soon as they are saved; what the page
/// shows of a key is only <see cref="ConnectionSummary.MaskedKey"/>. Lists the current workspace's connections;
/// changes are offered to roles with <see cref="PortalPermission.ManageConnections"/> (a key's replacement and
/// deletion to its owner only), and every one is checked again by the service.
/// </summary>
public sealed partial class Connections : IDisposable
{
    private IReadOnlyList<ConnectionSummary>? connections;
    private Notice? notice;
    private bool busy;
    private string userId = "";
    private bool isSharedDemo;
    private WorkspaceGrant? grant;

    private string? label;
    private string? baseUrl;
    private string? apiKey;
    private string? apiSecret;
    private KeyPermissions? checkedPermissions;
    private bool withdrawalConfirmed;

    private ConnectionSummary? editing;
    private EditMode editMode;
    private string? editLabel;
    private string? editKey;
    private string? editSecret;
    private KeyPermissions? editPermissions;
    private bool editConfirmed;

    private enum EditMode
    {
        Rename,
        Rotate,
    }

    [Inject]
    private ConnectionService Service { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private CurrentWorkspace Workspace { get; set; } = default!;

    [Inject]
    private WorkspaceService Teams { get; set; } = default!;

    [Inject]
    private PortalAccess Access { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var state = await AuthenticationState;
        userId = state.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        isSharedDemo = string.Equals(state.User.Identity?.Name, DemoAccount.Email, StringComparison.OrdinalIgnoreCase);
        baseUrl = Service.DefaultBaseUrl.AbsoluteUri;
        grant = await Workspace.LoadAsync();
        Workspace.Changed += OnWorkspaceChanged;
        await RunAsync(ReloadAsync);
    }

    /// <summary>Whether the user's role here may add, rename and move connections.</summary>
    private bool CanManage => !isSharedDemo && grant?.Allows(PortalPermission.ManageConnections) == true;

    /// <summary>Whether the user may replace or delete this connection's key: theirs, whichever workspace it is in.</summary>
    private bool IsKeyOwner(ConnectionSummary connection) => !isSharedDemo && connection.OwnerId == userId;

    private async Task ReloadAsync() => connections = await Service.ListAsync(userId, Workspace.Id);

    private void OnWorkspaceChanged() => _ = InvokeAsync(async () =>
    {
        grant = Workspace.Grant;
        editing = null;
        connections = null;
        await RunAsync(ReloadAsync);
        StateHasChanged();
    });

    public void Dispose() => Workspace.Changed -= OnWorkspaceChanged;

    private async Task CheckAsync() => await RunAsync(async () =>
    {
        checkedPermissions = null;
        withdrawalConfirmed = false;
        checkedPermissions = await Service.CheckAsync(baseUrl, apiKey, apiSecret);
        notice = null;
    });

    private async Task AddAsync() => await RunAsync(async () =>
    {
        // Checked before the key is stored, so a refused team add leaves nothing behind in the personal workspace.
        var target = Workspace.Id;
        await Access.DemandWorkspaceAsync(userId, target, PortalPermission.ManageConnections);
        var added = await Service.AddAsync(userId, label, baseUrl, apiKey, apiSecret, withdrawalConfirmed);
        if (target is not null)
        {
            await Teams.MoveConnectionAsync(userId, added.Id, target);
        }

        label = apiKey = apiSecret = null;
        checkedPermissions = null;
        withdrawalConfirmed = false;
        notice = new Notice(Severity.Success, $"Connection \"{added.Label}\" saved (key {added.MaskedKey}).");
        await ReloadAsync();
    });

    private void StartEdit(ConnectionSummary connection, EditMode mode)
    {
        editing = connection;
        editMode = mode;
        editLabel = connection.Label;
        editKey = editSecret = null;
        editPermissions = null;
        editConfirmed = false;
    }

    private void CancelEdit()
    {
        editing = null;
        editKey = editSecret = null;
    }

    private async Task SaveEditAsync()
    {
        if (editing is not { } target)
        {
            return;
        }

        await RunAsync(async () =>
        {
            if (editMode == EditMode.Rename)
            {
                await Service.RenameAsync(userId, target.Id, editLabel);
                notice = new Notice(Severity.Success, "Connection renamed.");
            }
            else
            {
                editPermissions = await Service.CheckAsync(target.BaseUrl.AbsoluteUri, editKey, editSecret);
                if (editPermissions.MayWithdraw && !editConfirmed)
                {
                    return;
                }

                var rotated = await Service.RotateAsync(userId, target.Id, editKey, editSecret, editConfirmed);
                notice = new Notice(Severity.Success, $"Key replaced (now {rotated.MaskedKey}).");
            }

            CancelEdit();
            await ReloadAsync();
        });
    }

    private async Task DeleteAsync(ConnectionSummary connection)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Delete connection",
            $"Delete \"{connection.Label}\"? Its stored key and its value history are removed from the portal; the key itself stays valid on the exchange until you revoke it there.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        await RunAsync(async () =>
        {
            await Service.DeleteAsync(userId, connection.Id);
            notice = new Notice(Severity.Success, $"Connection \"{connection.Label}\" deleted.");
            await ReloadAsync();
        });
    }

    /// <summary>Runs one user action, turning the service's refusals into the page's notice.</summary>
    private async Task RunAsync(Func<Task> action)
    {
        busy = true;
        try
        {
            await action();
        }
        catch (ConnectionRefusedException refused)
        {
            notice = new Notice(Severity.Error, refused.Message);
        }
        catch (ConnectionNotFoundException)
        {
            notice = new Notice(Severity.Error, "That connection was not found. It may have been deleted.");
            editing = null;
            await ReloadAsync();
        }
        catch (AccessDeniedException denied)
        {
            notice = new Notice(Severity.Error, denied.Message);
            editing = null;
        }
        finally
        {
            busy = false;
        }
    }

    private sealed record Notice(Severity Severity, string Text);
}

using System.Globalization;
using System.Security.Claims;
using AllexPortal.Web.Access;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Teams;
using AllexPortal.Web.Teams.Invitations;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace AllexPortal.Web.Components.Pages.Teams;

/// <summary>
/// One team: its members and roles, pending invitations and shared connections. Every button is drawn only for a
/// role that may use it (<see cref="WorkspaceGrant"/>), and every action goes through <see cref="WorkspaceService"/>
/// or <see cref="TeamInvitations"/>, which check the role again on the server: hiding a button is courtesy, not security.
/// </summary>
public sealed partial class TeamPage
{
    private static readonly int[] ValidityChoices = [1, 3, 7, 14, 30];

    private WorkspaceGrant? grant;
    private IReadOnlyList<WorkspaceMemberSummary> members = [];
    private IReadOnlyList<InvitationSummary> invitations = [];
    private IReadOnlyList<ConnectionSummary> teamConnections = [];
    private IReadOnlyList<ConnectionSummary> personalConnections = [];
    private (Severity Severity, string Text)? notice;
    private string userId = "";
    private string? rename;
    private string? inviteEmail;
    private WorkspaceRole inviteRole = WorkspaceRole.Viewer;
    private int inviteDays = (int)TeamInvitations.DefaultValidity.TotalDays;
    private bool loading = true;
    private bool busy;

    /// <summary>The team, from the address.</summary>
    [Parameter]
    public Guid Id { get; set; }

    [Inject] private WorkspaceService Workspaces { get; set; } = default!;
    [Inject] private TeamInvitations Invitations { get; set; } = default!;
    [Inject] private ConnectionService Connections { get; set; } = default!;
    [Inject] private PortalAccess Access { get; set; } = default!;
    [Inject] private CurrentWorkspace Current { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private AllexPortal.Web.Hosting.PortalLinks Links { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private bool CanManageMembers => grant?.Allows(PortalPermission.ManageMembers) == true;

    private bool CanMoveIn => grant?.Allows(PortalPermission.ManageConnections) == true;

    /// <summary>The roles this user may give: never wider than their own.</summary>
    private IEnumerable<WorkspaceRole> GrantableRoles =>
        grant is null ? [] : Enum.GetValues<WorkspaceRole>().Where(role => WorkspaceRoles.MayGrant(grant.Role, role));

    protected override async Task OnParametersSetAsync()
    {
        userId = (await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        await Current.LoadAsync();
        loading = true;
        await ReloadAsync();
        loading = false;
    }

    private bool MayChangeRoleOf(WorkspaceMemberSummary member) =>
        CanManageMembers && WorkspaceRoles.MayGrant(grant!.Role, member.Role);

    private bool MayRemove(WorkspaceMemberSummary member) =>
        CanManageMembers && member.UserId != userId && WorkspaceRoles.MayGrant(grant!.Role, member.Role);

    private bool MayMoveOut(ConnectionSummary connection) =>
        connection.OwnerId == userId || grant?.Allows(PortalPermission.ManageConnections) == true;

    private async Task ReloadAsync()
    {
        // FindWorkspaceAsync neither logs nor audits: opening a team page that is not yours just says so.
        grant = await Access.FindWorkspaceAsync(userId, Id);
        if (grant is null)
        {
            return;
        }

        rename ??= grant.Name;
        members = await Workspaces.MembersAsync(userId, Id);
        invitations = CanManageMembers ? await Invitations.PendingAsync(userId, Id) : [];
        teamConnections = await Connections.ListAsync(userId, Id);
        personalConnections = CanMoveIn ? await Connections.ListAsync(userId, null) : [];
        if (!GrantableRoles.Contains(inviteRole))
        {
            inviteRole = GrantableRoles.LastOrDefault();
        }
    }

    private Task RenameAsync() => RunAsync(async () =>
    {
        await Workspaces.RenameAsync(userId, Id, rename);
        rename = null;
        return "The team was renamed.";
    });

    private Task ChangeRoleAsync(WorkspaceMemberSummary member, WorkspaceRole role) => RunAsync(async () =>
    {
        await Workspaces.ChangeRoleAsync(userId, Id, member.UserId, role);
        return $"{member.Email} is now {WorkspaceRoles.DisplayName(role)}.";
    });

    private async Task RemoveAsync(WorkspaceMemberSummary member)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Remove this member?",
            $"{member.Email} loses access to “{grant?.Name}” at once. Connections whose key is theirs go back to their personal workspace.",
            yesText: "Remove", cancelText: "Keep");
        if (confirmed == true)
        {
            await RunAsync(async () =>
            {
                await Workspaces.RemoveMemberAsync(userId, Id, member.UserId);
                return $"{member.Email} was removed from the team.";
            });
        }
    }

    private async Task LeaveAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Leave this team?",
            $"You lose access to “{grant?.Name}”. Connections whose key is yours go back to your personal workspace.",
            yesText: "Leave", cancelText: "Stay");
        if (confirmed != true)
        {
            return;
        }

        busy = true;
        try
        {
            await Workspaces.LeaveAsync(userId, Id);
            if (Current.Id == Id)
            {
                await Current.SwitchAsync(null);
            }

            Navigation.NavigateTo("teams");
        }
        catch (Exception failure) when (failure is AccessDeniedException or WorkspaceRuleException)
        {
            notice = (Severity.Error, failure.Message);
        }
        finally
        {
            busy = false;
        }
    }

    private Task InviteAsync() => RunAsync(async () =>
    {
        var sent = await Invitations.InviteAsync(
            userId, Id, inviteEmail, inviteRole, Links.BaseUri, TimeSpan.FromDays(inviteDays));
        inviteEmail = null;
        return $"An invitation to join as {WorkspaceRoles.DisplayName(sent.Role)} was sent to {sent.Email}.";
    });

    private Task RevokeAsync(InvitationSummary invitation) => RunAsync(async () =>
    {
        await Invitations.RevokeAsync(userId, invitation.Id);
        return $"The invitation for {invitation.Email} was revoked; its link no longer works.";
    });

    private Task MoveAsync(ConnectionSummary connection, Guid? target) => RunAsync(async () =>
    {
        await Workspaces.MoveConnectionAsync(userId, connection.Id, target);
        return target is null
            ? $"“{connection.Label}” was moved out of the team."
            : $"“{connection.Label}” is now shared with the team.";
    });

    private async Task SwitchHereAsync()
    {
        await Current.SwitchAsync(Id);
        Navigation.NavigateTo("");
    }

    private async Task OpenAuditAsync()
    {
        await Current.SwitchAsync(Id);
        Navigation.NavigateTo("audit");
    }

    /// <summary>Runs one action, shows its outcome, and reloads what it may have changed; refusals become a notice, never a crash.</summary>
    private async Task RunAsync(Func<Task<string>> action)
    {
        busy = true;
        try
        {
            notice = (Severity.Success, await action());
        }
        catch (Exception failure) when (failure is AccessDeniedException or WorkspaceRuleException or InvitationUnavailableException)
        {
            notice = (Severity.Error, failure.Message);
        }
        finally
        {
            busy = false;
        }

        await ReloadAsync();
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Minute(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}

using System.ComponentModel.DataAnnotations;
using AllexPortal.Web.Access;
using AllexPortal.Web.Audit;
using AllexPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Teams.Invitations;

/// <summary>
/// Invitations to teams: an Owner (anyone with <see cref="PortalPermission.ManageMembers"/>) invites an e-mail address
/// with a role no wider than their own; the link reaches the invitee by e-mail (<see cref="InvitationMailer"/>); the
/// invitee, signed in with that address, accepts (joining through <see cref="WorkspaceService"/>) or declines; an
/// Owner may revoke it while it is pending. Every step is audited in the team's log.
/// </summary>
/// <remarks>
/// The link's token is the only key to an invitation and is stored hashed (<see cref="InvitationToken"/>). Using an
/// invitation is a conditional update on "still pending", so two clicks on one link cannot both succeed; and the
/// inviter's right to grant the role is checked again on acceptance, so a demoted Owner's invitations stop working.
/// </remarks>
public sealed class TeamInvitations(
    IDbContextFactory<PortalDb> databases,
    PortalAccess access,
    WorkspaceService workspaces,
    AuditLog audit,
    InvitationMailer mailer,
    TimeProvider time)
{
    /// <summary>How long a link works when the inviter does not say.</summary>
    public static readonly TimeSpan DefaultValidity = TimeSpan.FromDays(7);

    /// <summary>The shortest validity an inviter may choose.</summary>
    public static readonly TimeSpan MinValidity = TimeSpan.FromHours(1);

    /// <summary>The longest validity an inviter may choose.</summary>
    public static readonly TimeSpan MaxValidity = TimeSpan.FromDays(30);

    /// <summary>
    /// Invites <paramref name="email"/> to <paramref name="workspaceId"/> as <paramref name="role"/> and e-mails the link,
    /// which starts with <paramref name="portalBase"/> (the portal's address as the inviter reached it).
    /// </summary>
    /// <exception cref="AccessDeniedException">The user may not manage members there, or may not grant that role.</exception>
    /// <exception cref="WorkspaceRuleException">The address is invalid, already a member, or already invited; or the validity is out of range.</exception>
    public async Task<InvitationSummary> InviteAsync(
        string userId,
        Guid workspaceId,
        string? email,
        WorkspaceRole role,
        Uri portalBase,
        TimeSpan? validFor = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(portalBase);
        var grant = await access.DemandWorkspaceAsync(userId, workspaceId, PortalPermission.ManageMembers, cancellationToken);
        if (!WorkspaceRoles.MayGrant(grant.Role, role))
        {
            throw await access.RefuseAsync(
                userId, $"role {role}", PortalPermission.ManageMembers, workspaceId,
                $"As {WorkspaceRoles.DisplayName(grant.Role)} you cannot invite someone as {WorkspaceRoles.DisplayName(role)}: a grant can only narrow your own.",
                cancellationToken);
        }

        var address = Address(email);
        var validity = validFor ?? DefaultValidity;
        if (validity < MinValidity || validity > MaxValidity)
        {
            throw new WorkspaceRuleException("An invitation can be valid for one hour up to 30 days.");
        }

        var now = time.GetUtcNow();
        var token = InvitationToken.Create();
        var invitation = new TeamInvitation
        {
            Id = Guid.NewGuid(),
            WorkspaceId = workspaceId,
            Email = address,
            Role = role,
            TokenHash = InvitationToken.Hash(token),
            CreatedAt = now,
            CreatedByUserId = userId,
            ExpiresAt = now + validity,
        };
        string? inviterEmail;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            var normalised = address.ToUpperInvariant();
            if (await db.WorkspaceMembers.AnyAsync(m => m.WorkspaceId == workspaceId && m.User!.NormalizedEmail == normalised, cancellationToken))
            {
                throw new WorkspaceRuleException($"{address} is already a member of “{grant.Name}”.");
            }

            if (await Pending(db.TeamInvitations, now).AnyAsync(i => i.WorkspaceId == workspaceId && i.Email == address, cancellationToken))
            {
                throw new WorkspaceRuleException($"{address} already has a pending invitation to “{grant.Name}”. Revoke it to send a new one.");
            }

            inviterEmail = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
            db.TeamInvitations.Add(invitation);
            await db.SaveChangesAsync(cancellationToken);
        }

        await mailer.SendAsync(address, grant.Name, role, inviterEmail, new Uri(portalBase, $"invitations/{token}"), invitation.ExpiresAt);
        await audit.RecordAsync(
            userId, AuditAction.MemberInvited, address,
            $"role {WorkspaceRoles.DisplayName(role)}, valid until {invitation.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC",
            workspaceId, cancellationToken);
        return new InvitationSummary(invitation.Id, address, role, inviterEmail, invitation.CreatedAt, invitation.ExpiresAt);
    }

    /// <summary>The team's invitations still waiting for an answer, newest first.</summary>
    /// <exception cref="AccessDeniedException">The user may not manage members there.</exception>
    public async Task<IReadOnlyList<InvitationSummary>> PendingAsync(string userId, Guid workspaceId, CancellationToken cancellationToken = default)
    {
        await access.DemandWorkspaceAsync(userId, workspaceId, PortalPermission.ManageMembers, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await Pending(db.TeamInvitations, time.GetUtcNow())
            .Where(i => i.WorkspaceId == workspaceId)
            .Select(i => new
            {
                i.Id,
                i.Email,
                i.Role,
                InvitedBy = db.Users.Where(u => u.Id == i.CreatedByUserId).Select(u => u.Email).FirstOrDefault(),
                i.CreatedAt,
                i.ExpiresAt,
            })
            .ToListAsync(cancellationToken);
        return [.. rows
            .OrderByDescending(i => i.CreatedAt)
            .Select(i => new InvitationSummary(i.Id, i.Email, i.Role, i.InvitedBy, i.CreatedAt, i.ExpiresAt))];
    }

    /// <summary>Withdraws a pending invitation; its link stops working at once.</summary>
    /// <exception cref="AccessDeniedException">No such invitation in a team where the user manages members.</exception>
    /// <exception cref="InvitationUnavailableException">It was already used, declined, revoked or has expired.</exception>
    public async Task RevokeAsync(string userId, Guid invitationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var invitation = await db.TeamInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken)
            ?? throw await access.RefuseAsync(
                userId, $"invitation {invitationId}", PortalPermission.ManageMembers, null,
                "That invitation does not exist or is not yours to manage.", cancellationToken);
        await access.DemandWorkspaceAsync(userId, invitation.WorkspaceId, PortalPermission.ManageMembers, cancellationToken);

        var now = time.GetUtcNow();
        var revoked = await Pending(db.TeamInvitations, now)
            .Where(i => i.Id == invitationId)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.RevokedAt, now).SetProperty(i => i.RevokedByUserId, userId), cancellationToken);
        if (revoked == 0)
        {
            throw InvitationUnavailableException.For(invitation.StatusAt(now), invitation.ExpiresAt);
        }

        await audit.RecordAsync(
            userId, AuditAction.InvitationRevoked, invitation.Email, $"role {WorkspaceRoles.DisplayName(invitation.Role)}",
            invitation.WorkspaceId, cancellationToken);
    }

    /// <summary>What the link <paramref name="token"/> invites to, for the invitation page; null when it matches no invitation.</summary>
    public async Task<InvitationView?> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var hash = InvitationToken.Hash(token);
        var found = await db.TeamInvitations.AsNoTracking()
            .Where(i => i.TokenHash == hash)
            .Select(i => new
            {
                Invitation = i,
                Team = i.Workspace!.Name,
                InvitedBy = db.Users.Where(u => u.Id == i.CreatedByUserId).Select(u => u.Email).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null
            ? null
            : new InvitationView(
                found.Invitation.StatusAt(time.GetUtcNow()), found.Team, found.Invitation.Role, found.Invitation.Email, found.InvitedBy,
                found.Invitation.ExpiresAt);
    }

    /// <summary>
    /// <paramref name="userId"/> accepts the invitation behind <paramref name="token"/> and joins its team with its role.
    /// Returns the team's id.
    /// </summary>
    /// <exception cref="InvitationUnavailableException">Unknown, expired, revoked, used or declined link, or its sender may no longer grant the role.</exception>
    /// <exception cref="AccessDeniedException">The user is signed in with another e-mail address than the one invited.</exception>
    /// <exception cref="WorkspaceRuleException">The user is already a member of the team.</exception>
    public async Task<Guid> AcceptAsync(string userId, string? token, CancellationToken cancellationToken = default)
    {
        var invitation = await ClaimableAsync(userId, token, cancellationToken);
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var claimed = await Pending(db.TeamInvitations, now)
            .Where(i => i.Id == invitation.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedByUserId, userId), cancellationToken);
        if (claimed == 0)
        {
            throw InvitationUnavailableException.For(await StatusAsync(db, invitation.Id, cancellationToken), invitation.ExpiresAt);
        }

        try
        {
            await workspaces.AddMemberAsync(invitation.WorkspaceId, userId, invitation.Role, invitation.CreatedByUserId, cancellationToken);
        }
        catch (Exception failure) when (failure is AccessDeniedException or WorkspaceRuleException)
        {
            // Joining failed after the claim: the invitation goes back to pending, so a fixed situation can still use it.
            await db.TeamInvitations
                .Where(i => i.Id == invitation.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.AcceptedAt, (DateTimeOffset?)null).SetProperty(i => i.AcceptedByUserId, (string?)null),
                    CancellationToken.None);
            if (failure is AccessDeniedException)
            {
                throw new InvitationUnavailableException(
                    "This invitation is no longer valid: the person who sent it can no longer add members with that role. Ask a team Owner for a new one.",
                    failure);
            }

            throw;
        }

        await audit.RecordAsync(
            userId, AuditAction.InvitationAccepted, invitation.Email, $"joined as {WorkspaceRoles.DisplayName(invitation.Role)}",
            invitation.WorkspaceId, cancellationToken);
        return invitation.WorkspaceId;
    }

    /// <summary><paramref name="userId"/> declines the invitation behind <paramref name="token"/>; the link stops working.</summary>
    /// <exception cref="InvitationUnavailableException">Unknown, expired, revoked, used or declined link.</exception>
    /// <exception cref="AccessDeniedException">The user is signed in with another e-mail address than the one invited.</exception>
    public async Task DeclineAsync(string userId, string? token, CancellationToken cancellationToken = default)
    {
        var invitation = await ClaimableAsync(userId, token, cancellationToken);
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var declined = await Pending(db.TeamInvitations, now)
            .Where(i => i.Id == invitation.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.DeclinedAt, now).SetProperty(i => i.DeclinedByUserId, userId), cancellationToken);
        if (declined == 0)
        {
            throw InvitationUnavailableException.For(await StatusAsync(db, invitation.Id, cancellationToken), invitation.ExpiresAt);
        }

        await audit.RecordAsync(
            userId, AuditAction.InvitationDeclined, invitation.Email, $"role {WorkspaceRoles.DisplayName(invitation.Role)}",
            invitation.WorkspaceId, cancellationToken);
    }

    /// <summary>The pending invitation behind <paramref name="token"/>, addressed to <paramref name="userId"/>'s e-mail.</summary>
    private async Task<TeamInvitation> ClaimableAsync(string userId, string? token, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (string.IsNullOrEmpty(token))
        {
            throw InvitationUnavailableException.For(null);
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var hash = InvitationToken.Hash(token);
        var invitation = await db.TeamInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken)
            ?? throw InvitationUnavailableException.For(null);
        var status = invitation.StatusAt(time.GetUtcNow());
        if (status != InvitationStatus.Pending)
        {
            throw InvitationUnavailableException.For(status, invitation.ExpiresAt);
        }

        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (!string.Equals(email?.Trim(), invitation.Email, StringComparison.OrdinalIgnoreCase))
        {
            throw await access.RefuseAsync(
                userId, $"invitation {invitation.Id}", PortalPermission.View, null,
                "This invitation was sent to another e-mail address. Sign in with the address it was sent to, then open the link again.",
                cancellationToken);
        }

        return invitation;
    }

    private async Task<InvitationStatus?> StatusAsync(PortalDb db, Guid invitationId, CancellationToken cancellationToken)
    {
        var invitation = await db.TeamInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        return invitation?.StatusAt(time.GetUtcNow());
    }

    private static IQueryable<TeamInvitation> Pending(IQueryable<TeamInvitation> invitations, DateTimeOffset now) =>
        invitations.Where(i => i.AcceptedAt == null && i.DeclinedAt == null && i.RevokedAt == null && i.ExpiresAt > now);

    private static string Address(string? email)
    {
        var address = email?.Trim().ToLowerInvariant() ?? "";
        return address.Length is > 0 and <= TeamInvitation.EmailLength && new EmailAddressAttribute().IsValid(address)
            ? address
            : throw new WorkspaceRuleException("Enter the e-mail address of the person to invite.");
    }
}

namespace AllexPortal.Web.Teams.Invitations;

/// <summary>An invitation as the team page lists it (never with its token).</summary>
/// <param name="Id">The invitation.</param>
/// <param name="Email">The invited address.</param>
/// <param name="Role">The role it grants.</param>
/// <param name="InvitedByEmail">Who sent it, by e-mail; null when that account is gone.</param>
/// <param name="CreatedAt">When it was sent.</param>
/// <param name="ExpiresAt">When the link stops working.</param>
public sealed record InvitationSummary(
    Guid Id, string Email, WorkspaceRole Role, string? InvitedByEmail, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

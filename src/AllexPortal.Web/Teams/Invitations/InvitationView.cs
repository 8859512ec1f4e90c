namespace AllexPortal.Web.Teams.Invitations;

/// <summary>What the invitation page shows to whoever holds the link: which team, which role, and where it stands.</summary>
/// <param name="Status">Pending, or why it can no longer be used.</param>
/// <param name="TeamName">The team's name.</param>
/// <param name="Role">The role it grants.</param>
/// <param name="Email">The address it was sent to (the link's holder received it there).</param>
/// <param name="InvitedByEmail">Who sent it; null when that account is gone.</param>
/// <param name="ExpiresAt">When the link stops working.</param>
public sealed record InvitationView(
    InvitationStatus Status, string TeamName, WorkspaceRole Role, string Email, string? InvitedByEmail, DateTimeOffset ExpiresAt);

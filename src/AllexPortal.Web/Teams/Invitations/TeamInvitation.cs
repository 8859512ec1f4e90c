namespace AllexPortal.Web.Teams.Invitations;

/// <summary>
/// An invitation to join a team with a role, sent as a link by e-mail. Only the SHA-256 of the link's token is
/// stored: the raw token exists in the e-mail alone, so someone who reads the database cannot accept it. An
/// invitation is used once: accepted, declined or revoked (each with who and when), or it expires.
/// </summary>
public sealed class TeamInvitation
{
    /// <summary>Longest allowed invited address (Identity's own limit).</summary>
    public const int EmailLength = 256;

    public Guid Id { get; set; }

    public Guid WorkspaceId { get; set; }

    public Workspace? Workspace { get; set; }

    /// <summary>The invited address, trimmed and lower-cased; only an account with this e-mail can accept.</summary>
    public required string Email { get; set; }

    /// <summary>The role the invitee joins with; never wider than the inviter's when it was sent.</summary>
    public WorkspaceRole Role { get; set; }

    /// <summary>Lower-case hex SHA-256 of the link's token.</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedByUserId { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public string? AcceptedByUserId { get; set; }

    public DateTimeOffset? DeclinedAt { get; set; }

    public string? DeclinedByUserId { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedByUserId { get; set; }

    /// <summary>Where the invitation stands at <paramref name="now"/>.</summary>
    public InvitationStatus StatusAt(DateTimeOffset now) =>
        AcceptedAt is not null ? InvitationStatus.Accepted
        : DeclinedAt is not null ? InvitationStatus.Declined
        : RevokedAt is not null ? InvitationStatus.Revoked
        : now >= ExpiresAt ? InvitationStatus.Expired
        : InvitationStatus.Pending;
}

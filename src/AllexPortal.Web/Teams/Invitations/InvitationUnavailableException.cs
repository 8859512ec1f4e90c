namespace AllexPortal.Web.Teams.Invitations;

/// <summary>
/// An invitation link that cannot be used: unknown, expired, revoked, already used or declined, or no longer backed
/// by its sender. The message says which, in words for the person holding the link.
/// </summary>
public sealed class InvitationUnavailableException : Exception
{
    public InvitationUnavailableException()
        : base("This invitation link is not valid.")
    {
    }

    public InvitationUnavailableException(string message)
        : base(message)
    {
    }

    public InvitationUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Where the invitation stands; null when the link matches no invitation at all.</summary>
    public InvitationStatus? Status { get; init; }

    /// <summary>The refusal for an invitation in <paramref name="status"/> (null: unknown link).</summary>
    public static InvitationUnavailableException For(InvitationStatus? status, DateTimeOffset? expiresAt = null) => new(Describe(status, expiresAt))
    {
        Status = status,
    };

    /// <summary>Why an invitation in <paramref name="status"/> cannot be used, for the person holding the link.</summary>
    public static string Describe(InvitationStatus? status, DateTimeOffset? expiresAt = null) => status switch
    {
        null => "This invitation link is not valid. Check that you opened the whole link from the e-mail, or ask the team's Owner for a new invitation.",
        InvitationStatus.Expired => expiresAt is { } at
            ? $"This invitation expired on {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC. Ask the team's Owner for a new one."
            : "This invitation has expired. Ask the team's Owner for a new one.",
        InvitationStatus.Revoked => "This invitation was withdrawn by the team. Ask the team's Owner if you should still join.",
        InvitationStatus.Accepted => "This invitation has already been used.",
        InvitationStatus.Declined => "This invitation was declined and can no longer be used.",
        _ => "This invitation can still be used.",
    };
}

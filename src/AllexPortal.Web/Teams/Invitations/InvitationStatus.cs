namespace AllexPortal.Web.Teams.Invitations;

/// <summary>Where an invitation stands; only <see cref="Pending"/> can be accepted, declined or revoked.</summary>
public enum InvitationStatus
{
    Pending,
    Accepted,
    Declined,
    Revoked,
    Expired,
}

using AllexPortal.Web.Data;

namespace AllexPortal.Web.Teams;

/// <summary>One user's membership of a team workspace, keyed by (workspace, user).</summary>
public sealed class WorkspaceMember
{
    public Guid WorkspaceId { get; set; }

    public Workspace? Workspace { get; set; }

    public required string UserId { get; set; }

    public PortalUser? User { get; set; }

    public WorkspaceRole Role { get; set; }

    public DateTimeOffset JoinedAt { get; set; }

    /// <summary>Who granted the current role (null for the creator of the team).</summary>
    public string? GrantedByUserId { get; set; }
}

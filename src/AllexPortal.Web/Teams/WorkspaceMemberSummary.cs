namespace AllexPortal.Web.Teams;

/// <summary>One member of a team as the team page lists them.</summary>
public sealed record WorkspaceMemberSummary(string UserId, string Email, WorkspaceRole Role, DateTimeOffset JoinedAt);

using AllexPortal.Web.Teams;

namespace AllexPortal.Web.Tests.Teams;

/// <summary>A team a test built: its id, the keyholder (first Owner, whose key the shared connection holds), the connection, and the members by role.</summary>
public sealed record Team(Guid Id, TeamUser Keyholder, Guid ConnectionId, IReadOnlyList<(WorkspaceRole Role, TeamUser User)> Members)
{
    /// <summary>The first member with <paramref name="role"/>.</summary>
    public TeamUser Member(WorkspaceRole role) => Members.First(m => m.Role == role).User;
}

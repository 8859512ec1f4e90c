namespace AllexPortal.Web.Teams;

/// <summary>One workspace as the switcher and the team page list it.</summary>
/// <param name="Id">The team, or null for the personal workspace.</param>
/// <param name="Name">The team's name, or "Personal".</param>
/// <param name="Role">The user's role (Owner in the personal workspace).</param>
/// <param name="MemberCount">Members of the team (1 for the personal workspace).</param>
/// <param name="ConnectionCount">Connections shared in it.</param>
public sealed record WorkspaceSummary(Guid? Id, string Name, WorkspaceRole Role, int MemberCount, int ConnectionCount)
{
    public bool IsPersonal => Id is null;
}

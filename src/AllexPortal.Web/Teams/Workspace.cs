namespace AllexPortal.Web.Teams;

/// <summary>
/// A team workspace: a named group of members, each with a <see cref="WorkspaceRole"/>, sharing the
/// connections moved into it. A user's personal workspace is not a row: <c>workspaceId == null</c> means
/// "the user's own".
/// </summary>
public sealed class Workspace
{
    /// <summary>Longest allowed <see cref="Name"/>.</summary>
    public const int NameLength = 100;

    public Guid Id { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The user who created the team (its first Owner); kept when that user leaves.</summary>
    public required string CreatedByUserId { get; set; }

    public List<WorkspaceMember> Members { get; set; } = [];
}

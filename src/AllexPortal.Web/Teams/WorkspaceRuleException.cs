namespace AllexPortal.Web.Teams;

/// <summary>
/// A team change the user may make in principle but that would break a team rule (the last Owner leaving,
/// a member added twice, an empty name). The message is written for the user.
/// </summary>
public sealed class WorkspaceRuleException : Exception
{
    public WorkspaceRuleException()
        : base("That change is not possible.")
    {
    }

    public WorkspaceRuleException(string message)
        : base(message)
    {
    }

    public WorkspaceRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

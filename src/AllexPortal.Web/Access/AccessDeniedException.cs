namespace AllexPortal.Web.Access;

/// <summary>
/// A user asked for something their role does not allow, or for an id that is not theirs to see. The
/// message is written for the user and never says whether the id exists elsewhere.
/// </summary>
/// <remarks>Not sealed: <see cref="Connections.ConnectionNotFoundException"/> is the "no such id for you" case of it.</remarks>
public class AccessDeniedException : Exception
{
    public AccessDeniedException()
        : base("You are not allowed to do that.")
    {
    }

    public AccessDeniedException(string message)
        : base(message)
    {
    }

    public AccessDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The permission that was missing, when one was asked for.</summary>
    public PortalPermission? Permission { get; init; }
}

namespace AllexPortal.Web.Audit;

/// <summary>An audit filter that cannot select anything sensible (e.g. 'from' after 'to'); the message is for the user.</summary>
public sealed class AuditQueryException : Exception
{
    public AuditQueryException()
        : base("The audit filter is not valid.")
    {
    }

    public AuditQueryException(string message)
        : base(message)
    {
    }

    public AuditQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

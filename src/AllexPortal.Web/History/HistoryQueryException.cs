namespace AllexPortal.Web.History;

/// <summary>A history query that cannot be answered as asked (unknown sort column or status, a bad cursor, from
/// after to); the message is worded for the user.</summary>
public sealed class HistoryQueryException : Exception
{
    public HistoryQueryException(string message)
        : base(message)
    {
    }

    public HistoryQueryException()
        : base("The history query is not valid.")
    {
    }

    public HistoryQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace AllexPortal.Web.Trading;

/// <summary>The ticket breaks the pair's rules; nothing was sent. <see cref="Errors"/> has one message per field.</summary>
public sealed class OrderTicketInvalidException : Exception
{
    public OrderTicketInvalidException()
        : this(new Dictionary<OrderField, string>())
    {
    }

    public OrderTicketInvalidException(string message)
        : base(message)
    {
        Errors = new Dictionary<OrderField, string>();
    }

    public OrderTicketInvalidException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = new Dictionary<OrderField, string>();
    }

    public OrderTicketInvalidException(IReadOnlyDictionary<OrderField, string> errors)
        : base("The order does not meet the pair's rules: " + string.Join(" ", errors.Values))
    {
        Errors = errors;
    }

    /// <summary>What is wrong, per field.</summary>
    public IReadOnlyDictionary<OrderField, string> Errors { get; }
}

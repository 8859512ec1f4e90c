namespace AllexPortal.Web.Orders;

/// <summary>
/// The portal refused to send a cancel: the connection's key cannot trade. The message tells the user what to do;
/// it never contains key material.
/// </summary>
public sealed class OrderCancellationRefusedException : Exception
{
    public OrderCancellationRefusedException(string message)
        : base(message)
    {
    }

    public OrderCancellationRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OrderCancellationRefusedException()
        : base("Cancelling orders with this connection is not allowed.")
    {
    }
}

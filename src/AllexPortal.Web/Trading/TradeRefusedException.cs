namespace AllexPortal.Web.Trading;

/// <summary>
/// The portal refused to send a trade: the connection's stored key cannot trade. The message tells the user what
/// to do and never contains key material.
/// </summary>
public sealed class TradeRefusedException : Exception
{
    public TradeRefusedException()
        : base("This connection's API key cannot trade.")
    {
    }

    public TradeRefusedException(string message)
        : base(message)
    {
    }

    public TradeRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

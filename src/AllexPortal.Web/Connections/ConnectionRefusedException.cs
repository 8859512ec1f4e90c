namespace AllexPortal.Web.Connections;

/// <summary>
/// A connection could not be added or changed: the input was invalid, or the exchange did not accept the key
/// for reading. The message is meant for the user as it stands; it never contains the key or the secret.
/// </summary>
public sealed class ConnectionRefusedException : Exception
{
    public ConnectionRefusedException(string message)
        : base(message)
    {
    }

    public ConnectionRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConnectionRefusedException()
        : base("The connection was refused.")
    {
    }
}

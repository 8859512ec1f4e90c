namespace AllexPortal.Web.Connections;

/// <summary>A connection's stored credentials cannot be decrypted. The message names the connection and what
/// to do, never any ciphertext or key material.</summary>
public sealed class ConnectionCredentialsUnreadableException(Guid connectionId)
    : Exception($"The stored API key of connection {connectionId} cannot be decrypted (the portal's key ring may have changed). Enter the key and secret again.")
{
    public Guid ConnectionId { get; } = connectionId;
}

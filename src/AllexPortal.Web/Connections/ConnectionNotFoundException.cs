namespace AllexPortal.Web.Connections;

/// <summary>The connection does not exist or does not belong to the acting user; the two cases are
/// deliberately indistinguishable, so ids from the browser reveal nothing.</summary>
public sealed class ConnectionNotFoundException(Guid connectionId)
    : Exception($"Connection {connectionId} was not found.")
{
    public Guid ConnectionId { get; } = connectionId;
}

using AllexPortal.Web.Access;

namespace AllexPortal.Web.Connections;

/// <summary>The connection does not exist or is not shared with the acting user; the two cases are
/// deliberately indistinguishable, so ids from the browser reveal nothing. An <see cref="AccessDeniedException"/>,
/// so callers that handle refusals alike catch that.</summary>
public sealed class ConnectionNotFoundException(Guid connectionId)
    : AccessDeniedException($"Connection {connectionId} was not found.")
{
    public Guid ConnectionId { get; } = connectionId;
}

namespace AllexPortal.Web.Audit;

/// <summary>
/// One line of the audit log: who did what, when, to what, from where. Append-only: the code has no path
/// that updates or deletes an entry. Never holds a secret (API secrets, JWTs, codes).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The portal user who acted; null for the system (scheduled work).</summary>
    public string? ActorUserId { get; set; }

    /// <summary>The actor's e-mail when it happened, kept so the log still reads after the account is gone.</summary>
    public string? ActorEmail { get; set; }

    /// <summary>The workspace the action belongs to, when it belongs to one.</summary>
    public Guid? WorkspaceId { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>What was acted on, e.g. a connection id, an API key's name and masked key, an order id.</summary>
    public string? Subject { get; set; }

    /// <summary>A short human-readable detail (role names, symbol and side, file name).</summary>
    public string? Detail { get; set; }

    /// <summary>The client's IP address as the portal saw it (after forwarded headers).</summary>
    public string? IpAddress { get; set; }
}

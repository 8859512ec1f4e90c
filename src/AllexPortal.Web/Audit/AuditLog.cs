using AllexPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Audit;

/// <summary>
/// Appends to the audit log. Callers pass the acting user's id; the e-mail, the time and the client's
/// address are filled in here, so every entry is recorded the same way.
/// </summary>
public sealed class AuditLog(IDbContextFactory<PortalDb> databases, ClientAddress client, TimeProvider time)
{
    private const int SubjectLength = 200;
    private const int DetailLength = 500;

    /// <summary>Appends one entry. <paramref name="subject"/> and <paramref name="detail"/> must never hold a secret.</summary>
    public async Task RecordAsync(
        string? actorUserId,
        AuditAction action,
        string? subject = null,
        string? detail = null,
        Guid? workspaceId = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var email = actorUserId is null
            ? null
            : await db.Users.Where(u => u.Id == actorUserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            ActorUserId = actorUserId,
            ActorEmail = email,
            WorkspaceId = workspaceId,
            Action = action,
            Subject = Clip(subject, SubjectLength),
            Detail = Clip(detail, DetailLength),
            IpAddress = client.Value,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? Clip(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}

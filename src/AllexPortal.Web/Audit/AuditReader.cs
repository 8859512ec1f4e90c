using AllexPortal.Web.Access;
using AllexPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Audit;

/// <summary>
/// Reads the audit log for the audit page and its CSV export. A team's log is the entries recorded in that team
/// and only its Owners (<see cref="PortalPermission.ViewAudit"/>) read it; a user's personal log is what they did
/// outside any team (sign-ins, their own connections). A refused read is itself audited by <see cref="PortalAccess"/>.
/// </summary>
/// <remarks>Reading only: the log has no update or delete path anywhere (<see cref="AuditLog"/> only appends).</remarks>
public sealed class AuditReader(IDbContextFactory<PortalDb> databases, PortalAccess access, AuditLog audit, TimeProvider time)
{
    /// <summary>One page of <paramref name="workspaceId"/>'s log (null: <paramref name="userId"/>'s personal log), newest first.</summary>
    /// <exception cref="AccessDeniedException">The user may not read that workspace's log.</exception>
    /// <exception cref="AuditQueryException">The filter is not valid.</exception>
    public async Task<AuditPage> ReadAsync(string userId, Guid? workspaceId, AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await access.DemandWorkspaceAsync(userId, workspaceId, PortalPermission.ViewAudit, cancellationToken);
        var normalised = Checked(query);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var entries = Select(db, userId, workspaceId, normalised);
        var total = await entries.CountAsync(cancellationToken);
        var rows = await Project(entries.OrderByDescending(e => e.Id)
                .Skip(normalised.Page * normalised.PageSize)
                .Take(normalised.PageSize))
            .ToListAsync(cancellationToken);
        return new AuditPage(rows, total);
    }

    /// <summary>
    /// Checks that <paramref name="userId"/> may export <paramref name="workspaceId"/>'s log before anything is written,
    /// and returns the export to write.
    /// </summary>
    /// <exception cref="AccessDeniedException">The user may not read or export that workspace's log.</exception>
    /// <exception cref="AuditQueryException">The filter is not valid.</exception>
    public async Task<AuditExport> PrepareExportAsync(
        string userId, Guid? workspaceId, AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var grant = await access.DemandWorkspaceAsync(userId, workspaceId, PortalPermission.ViewAudit, cancellationToken);
        if (!grant.Allows(PortalPermission.Export))
        {
            throw await access.RefuseAsync(
                userId, "audit log", PortalPermission.Export, workspaceId, "Your role does not allow exports.", cancellationToken);
        }

        var normalised = Checked(query);
        var fileName = $"allexportal-audit-{time.GetUtcNow():yyyy-MM-dd}.csv";
        return new AuditExport(fileName, (text, token) => WriteCsvAsync(userId, workspaceId, normalised, fileName, text, token));
    }

    private async Task<int> WriteCsvAsync(
        string userId, Guid? workspaceId, AuditQuery query, string fileName, TextWriter text, CancellationToken cancellationToken)
    {
        int count;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            var rows = Project(Select(db, userId, workspaceId, query).OrderByDescending(e => e.Id)).AsAsyncEnumerable();
            count = await AuditCsv.WriteAsync(rows, text, cancellationToken);
        }

        var filter = query.ToQueryString();
        await audit.RecordAsync(
            userId,
            AuditAction.ExportDownloaded,
            fileName,
            filter.Length == 0 ? $"audit log, {count} entries" : $"audit log, {count} entries, filter {filter}",
            workspaceId,
            cancellationToken);
        return count;
    }

    private static AuditQuery Checked(AuditQuery query)
    {
        var normalised = query.Normalised();
        return normalised.Validate() is { } problem ? throw new AuditQueryException(problem) : normalised;
    }

    private static IQueryable<AuditEntry> Select(PortalDb db, string userId, Guid? workspaceId, AuditQuery query)
    {
        var entries = workspaceId is { } id
            ? db.AuditEntries.Where(e => e.WorkspaceId == id)
            : db.AuditEntries.Where(e => e.WorkspaceId == null && e.ActorUserId == userId);
        if (query.Action is { } action)
        {
            entries = entries.Where(e => e.Action == action);
        }
        if (query.Actor is { } actor)
        {
            entries = entries.Where(e => e.ActorEmail != null && e.ActorEmail.ToLower().Contains(actor));
        }
        if (query.From is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }
        if (query.To is { } to)
        {
            entries = entries.Where(e => e.At < to);
        }
        if (query.Text is { } text)
        {
            entries = entries.Where(e =>
                (e.Subject != null && e.Subject.ToLower().Contains(text))
                || (e.Detail != null && e.Detail.ToLower().Contains(text))
                || (e.IpAddress != null && e.IpAddress.Contains(text)));
        }

        return entries.AsNoTracking();
    }

    private static IQueryable<AuditRow> Project(IQueryable<AuditEntry> entries) =>
        entries.Select(e => new AuditRow(e.Id, e.At, e.ActorEmail, e.Action, e.Subject, e.Detail, e.IpAddress));
}

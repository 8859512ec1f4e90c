namespace AllexPortal.Web.Audit;

/// <summary>One audit entry as the audit page and its CSV show it.</summary>
/// <param name="Id">The entry's id (ascending with time of recording).</param>
/// <param name="At">When it happened, UTC.</param>
/// <param name="ActorEmail">Who acted, by their e-mail then; null for the system.</param>
/// <param name="Action">What they did.</param>
/// <param name="Subject">What it was done to.</param>
/// <param name="Detail">A short detail.</param>
/// <param name="IpAddress">From which address.</param>
public sealed record AuditRow(
    long Id, DateTimeOffset At, string? ActorEmail, AuditAction Action, string? Subject, string? Detail, string? IpAddress);

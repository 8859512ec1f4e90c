namespace AllexPortal.Web.Audit;

/// <summary>One page of the audit log, newest first, and how many entries the whole filter selects.</summary>
/// <param name="Rows">The page's entries.</param>
/// <param name="TotalCount">Entries the filter selects across all pages.</param>
public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int TotalCount);

namespace AllexPortal.Web.Reports;

/// <summary>One of the user's connections as the reports page offers it.</summary>
/// <param name="Id">The connection.</param>
/// <param name="Label">The user's name for it.</param>
/// <param name="HasLedger">Whether its ledger holds any row yet (a first sync has landed something).</param>
/// <param name="LastSyncedAt">When a sync of it last succeeded, if ever.</param>
public sealed record ReportConnection(Guid Id, string Label, bool HasLedger, DateTimeOffset? LastSyncedAt);

namespace AllexPortal.Web.Reports;

/// <summary>A report's connections once checked to be the user's: their labels and exchanges (in request order) and their ledger stamp.</summary>
/// <param name="Labels">The connections' labels.</param>
/// <param name="Exchanges">Each connection's exchange base URL (the sandbox's current address for a demo connection).</param>
/// <param name="Stamp">When each ledger last changed.</param>
public sealed record OwnedConnections(IReadOnlyList<string> Labels, IReadOnlyList<Uri> Exchanges, LedgerStamp Stamp);

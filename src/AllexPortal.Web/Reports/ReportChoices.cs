namespace AllexPortal.Web.Reports;

/// <summary>What the reports page can offer a user: their connections, the tax years their ledger spans, and the
/// coins it holds (any of which can be the report currency).</summary>
/// <param name="Connections">The user's connections, oldest first.</param>
/// <param name="Years">Calendar years from the first ledger row to now, newest first.</param>
/// <param name="Currencies">Coins seen in the ledger, usdt first.</param>
public sealed record ReportChoices(IReadOnlyList<ReportConnection> Connections, IReadOnlyList<int> Years, IReadOnlyList<string> Currencies);

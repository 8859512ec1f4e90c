using AllexPortal.Core.Holdings;

namespace AllexPortal.Web.Portfolio;

/// <summary>
/// Where a connection's holdings rebuilt from its synced ledger (as of <see cref="LedgerSyncedAt"/>) differ from the
/// exchange's balances now: history the exchange does not report (airdrops, transfers between users), or activity since the last sync.
/// </summary>
public sealed record ConnectionLedgerDifference(Guid ConnectionId, string Label, DateTimeOffset LedgerSyncedAt, IReadOnlyList<HoldingDifference> Differences);

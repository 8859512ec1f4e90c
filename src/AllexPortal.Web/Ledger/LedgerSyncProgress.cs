namespace AllexPortal.Web.Ledger;

/// <summary>
/// Where a running sync of one connection stands, for the progress bar: the kind being read, its pages and rows
/// so far, the rate, and (when the exchange said how many rows the window holds) the rows and time still to go.
/// </summary>
public sealed record LedgerSyncProgress(
    Guid ConnectionId,
    LedgerKind Kind,
    int Pages,
    long Rows,
    double RowsPerSecond,
    long? ExpectedRows,
    TimeSpan? Remaining,
    DateTimeOffset StartedAt);

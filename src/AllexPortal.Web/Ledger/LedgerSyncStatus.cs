namespace AllexPortal.Web.Ledger;

/// <summary>How one history of one connection stands, for the sync status panel: whether the full history is in,
/// how many rows it holds, the last success and the last error worded with what to do.</summary>
public sealed record LedgerSyncStatus(
    Guid ConnectionId,
    string ConnectionLabel,
    LedgerKind Kind,
    bool Complete,
    long RowCount,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastErrorAt,
    string? LastError,
    bool Running);

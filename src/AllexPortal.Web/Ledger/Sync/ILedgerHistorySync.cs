namespace AllexPortal.Web.Ledger.Sync;

/// <summary>The sync of one history of one connection, as the coordinator drives it whatever the row type.</summary>
internal interface ILedgerHistorySync
{
    LedgerKind Kind { get; }

    Guid ConnectionId { get; }

    /// <summary>Reads the window to its end and marks the history complete.</summary>
    Task<LedgerKindSyncResult> RunAsync(CancellationToken cancellationToken);

    /// <summary>What the run did before it stopped with <paramref name="error"/>.</summary>
    LedgerKindSyncResult Stopped(string error);

    /// <summary>Records that this history's run stopped with an error the user can act on.</summary>
    Task RecordFailureAsync(string error, CancellationToken cancellationToken);
}

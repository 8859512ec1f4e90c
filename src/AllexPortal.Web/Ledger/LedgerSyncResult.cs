namespace AllexPortal.Web.Ledger;

/// <summary>
/// What one sync run of a connection did, per history in the order they ran. A run stopped by an error or a
/// cancellation lists only the histories it reached; everything it committed stays (each page is committed with
/// its cursor), and the next run resumes there.
/// </summary>
public sealed record LedgerSyncResult(Guid ConnectionId, IReadOnlyList<LedgerKindSyncResult> Kinds, bool Cancelled)
{
    /// <summary>True when another portal instance was already syncing the connection, so this run read nothing (that
    /// instance's run does the work; its progress shows in the sync status of every instance).</summary>
    public bool RunningElsewhere { get; init; }

    /// <summary>True when all four histories were read to their end.</summary>
    public bool Succeeded => !Cancelled && Kinds.Count == Enum.GetValues<LedgerKind>().Length && Kinds.All(k => k.Succeeded);

    /// <summary>Rows inserted across all histories.</summary>
    public long Inserted => Kinds.Sum(k => k.Inserted);

    /// <summary>Rows changed across all histories.</summary>
    public long Updated => Kinds.Sum(k => k.Updated);

    /// <summary>The result of one history, or null when the run did not reach it.</summary>
    public LedgerKindSyncResult? Of(LedgerKind kind) => Kinds.FirstOrDefault(k => k.Kind == kind);
}

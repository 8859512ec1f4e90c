namespace AllexPortal.Web.Ledger.Sync;

/// <summary>One running sync of one connection: who started it, how to cancel it, when it ends and how far it got.</summary>
internal sealed class ConnectionSyncRun(Guid connectionId, string userId, DateTimeOffset startedAt, params CancellationToken[] stopWith) : IDisposable
{
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LedgerSyncProgress? progress;

    public Guid ConnectionId { get; } = connectionId;

    /// <summary>The user whose ownership was checked when the run started.</summary>
    public string UserId { get; } = userId;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public CancellationTokenSource Cancellation { get; } = CancellationTokenSource.CreateLinkedTokenSource(stopWith);

    /// <summary>Completes (never faults) when the run has ended and released the connection.</summary>
    public Task Completion => completion.Task;

    public LedgerSyncProgress? Progress
    {
        get => Volatile.Read(ref progress);
        set => Volatile.Write(ref progress, value);
    }

    /// <summary>The history being read and when its read began, for the rate.</summary>
    public (LedgerKind Kind, DateTimeOffset Since)? Current { get; set; }

    public void Complete() => completion.TrySetResult();

    public void Dispose() => Cancellation.Dispose();
}

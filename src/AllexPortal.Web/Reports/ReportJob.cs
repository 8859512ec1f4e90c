namespace AllexPortal.Web.Reports;

/// <summary>
/// One computation of a report for one user, running in the background: the page watches its progress through
/// <see cref="Changed"/> and may <see cref="Cancel"/> it. Finished jobs keep their outcome.
/// </summary>
public sealed class ReportJob : IDisposable
{
    private readonly CancellationTokenSource cancellation = new();
    private readonly Lock gate = new();
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal ReportJob(string ownerId, ReportRequest request)
    {
        OwnerId = ownerId;
        Request = request;
    }

    /// <summary>Raised (on a background thread) whenever the stage, progress or status changes.</summary>
    public event Action<ReportJob>? Changed;

    public Guid Id { get; } = Guid.NewGuid();

    public string OwnerId { get; }

    public ReportRequest Request { get; }

    public ReportJobStatus Status { get; private set; } = ReportJobStatus.Running;

    /// <summary>What the job is doing, for the page ("Reading the ledger", ...).</summary>
    public string Stage { get; private set; } = "Starting";

    /// <summary>Overall progress, 0 to 1.</summary>
    public double Progress { get; private set; }

    /// <summary>The report, once <see cref="ReportJobStatus.Completed"/>.</summary>
    public ComputedReport? Result { get; private set; }

    /// <summary>True when the result came from the cache (the ledger had not changed since it was computed).</summary>
    public bool FromCache { get; private set; }

    /// <summary>What went wrong, worded for the user, once <see cref="ReportJobStatus.Failed"/>.</summary>
    public string? Error { get; private set; }

    /// <summary>Completes when the job has finished, however it ended.</summary>
    public Task Finished => finished.Task;

    /// <summary>Whether the job is still running.</summary>
    public bool IsRunning => Status == ReportJobStatus.Running;

    internal CancellationToken Token => cancellation.Token;

    /// <summary>Asks the job to stop; it ends as <see cref="ReportJobStatus.Cancelled"/> at its next check.</summary>
    public void Cancel()
    {
        lock (gate)
        {
            if (Status == ReportJobStatus.Running)
            {
                cancellation.Cancel();
            }
        }
    }

    internal void Advance(string stage, double progress)
    {
        Update(() =>
        {
            Stage = stage;
            Progress = Math.Clamp(progress, 0d, 1d);
        });
    }

    internal void Complete(ComputedReport result, bool fromCache) => Update(() =>
    {
        Result = result;
        FromCache = fromCache;
        Stage = "Done";
        Progress = 1d;
        Status = ReportJobStatus.Completed;
    });

    internal void Cancelled() => Update(() =>
    {
        Stage = "Cancelled";
        Status = ReportJobStatus.Cancelled;
    });

    internal void Fail(string error) => Update(() =>
    {
        Error = error;
        Stage = "Failed";
        Status = ReportJobStatus.Failed;
    });

    public void Dispose() => cancellation.Dispose();

    private void Update(Action change)
    {
        lock (gate)
        {
            if (Status != ReportJobStatus.Running)
            {
                return;
            }

            change();
        }

        Changed?.Invoke(this);
        if (Status != ReportJobStatus.Running)
        {
            finished.TrySetResult();
        }
    }
}

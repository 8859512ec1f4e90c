using AllexPortal.Core.Tax.Pricing;

namespace AllexPortal.Web.Tests.Reports;

/// <summary>
/// A price source for report tests: answers every key with a fixed close, counts batches, and can be held shut so
/// a report stays in its "fetching prices" stage until the test cancels it or opens the gate.
/// </summary>
public sealed class GatedPrices : IHistoricalPriceSource
{
    private int batches;

    /// <summary>The close returned for every key.</summary>
    public decimal Close { get; set; } = 10m;

    /// <summary>When set, answers wait for it (or for cancellation).</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Set once a batch has arrived while the gate is shut.</summary>
    public TaskCompletionSource Waiting { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Batches => Volatile.Read(ref batches);

    /// <summary>When true, every batch fails as an unreachable source would.</summary>
    public bool Failing { get; set; }

    public async ValueTask<IReadOnlyDictionary<PriceKey, decimal>> GetHourlyClosesAsync(
        IReadOnlyCollection<PriceKey> keys, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref batches);
        if (Failing)
        {
            throw new InvalidOperationException("The price source is down.");
        }

        if (Gate is { } gate)
        {
            Waiting.TrySetResult();
            await gate.Task.WaitAsync(cancellationToken);
        }

        return keys.ToDictionary(key => key, _ => Close);
    }

    /// <summary>Shuts the gate for the next report.</summary>
    public void Shut()
    {
        Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Opens the gate and answers from now on.</summary>
    public void Open()
    {
        Gate?.TrySetResult();
        Gate = null;
    }
}

using Microsoft.AspNetCore.Components.Server.Circuits;

namespace AllexPortal.Bench.Circuits;

/// <summary>Counts the Blazor circuits the server holds open, so the scenario knows every tab has its own.</summary>
public sealed class CircuitCounter
{
    private int open;

    public int Open => Volatile.Read(ref open);

    /// <summary>The scoped handler Blazor calls as circuits open and close.</summary>
    public sealed class Handler(CircuitCounter counter) : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counter.open);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Decrement(ref counter.open);
            return Task.CompletedTask;
        }
    }
}

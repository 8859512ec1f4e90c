namespace AllexPortal.Sandbox.Faults;

/// <summary>The faults still to inject in this run; counters are consumed request by request.</summary>
internal sealed class FaultState(FaultOptions initial)
{
    private readonly Lock _gate = new();
    private FaultOptions _remaining = initial.Clone();

    public FaultOptions Current
    {
        get
        {
            lock (_gate)
            {
                return _remaining.Clone();
            }
        }
    }

    public void Replace(FaultOptions faults)
    {
        lock (_gate)
        {
            _remaining = faults.Clone();
        }
    }

    /// <summary>Decides the fault for a request to <paramref name="path"/> and consumes it.</summary>
    public (FaultKind Kind, FaultOptions Settings) Next(string path)
    {
        lock (_gate)
        {
            var f = _remaining;
            var prefix = f.PathPrefix ?? "/v2";
            if (!path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return (FaultKind.None, f);
            }
            if (f.SkipRequests > 0)
            {
                f.SkipRequests--;
                return (FaultKind.None, f.Clone());
            }
            var kind = f switch
            {
                { Timeouts: > 0 } => Take(() => f.Timeouts--, FaultKind.Timeout),
                { TooManyRequests: > 0 } => Take(() => f.TooManyRequests--, FaultKind.TooManyRequests),
                { ServerErrors: > 0 } => Take(() => f.ServerErrors--, FaultKind.ServerError),
                { MalformedJson: > 0 } => Take(() => f.MalformedJson--, FaultKind.MalformedJson),
                { DroppedConnections: > 0 } => Take(() => f.DroppedConnections--, FaultKind.DroppedConnection),
                _ => FaultKind.None,
            };
            return (kind, f.Clone());
        }
    }

    private static FaultKind Take(Action consume, FaultKind kind)
    {
        consume();
        return kind;
    }
}

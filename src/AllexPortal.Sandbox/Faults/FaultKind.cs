namespace AllexPortal.Sandbox.Faults;

/// <summary>What the fault injector does to one request.</summary>
internal enum FaultKind
{
    None,
    Timeout,
    TooManyRequests,
    ServerError,
    MalformedJson,
    DroppedConnection,
}

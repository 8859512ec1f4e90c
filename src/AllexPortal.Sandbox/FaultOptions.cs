namespace AllexPortal.Sandbox;

/// <summary>Faults for resilience tests. Counted faults hit the next matching requests (after
/// <see cref="SkipRequests"/>) in the order: timeout, 429, 5xx, malformed JSON, dropped connection.</summary>
public sealed class FaultOptions
{
    /// <summary>Only requests whose path (after the mount prefix) starts with this are affected; null = all <c>/v2</c> requests.</summary>
    public string? PathPrefix { get; set; }

    /// <summary>Latency added to every matching request.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Matching requests let through before the counted faults start (e.g. fail on page 3).</summary>
    public int SkipRequests { get; set; }

    /// <summary>Requests that hang for <see cref="TimeoutDuration"/> and are then aborted.</summary>
    public int Timeouts { get; set; }

    /// <summary>How long a timed-out request hangs. Default 100 s.</summary>
    public TimeSpan TimeoutDuration { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Requests answered 429 with <c>Retry-After</c>.</summary>
    public int TooManyRequests { get; set; }

    /// <summary>Value of the injected <c>Retry-After</c> header in seconds.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Requests answered with <see cref="ServerErrorStatus"/>.</summary>
    public int ServerErrors { get; set; }

    /// <summary>Status of injected server errors. Default 500.</summary>
    public int ServerErrorStatus { get; set; } = 500;

    /// <summary>Requests whose JSON body is cut in half (status 200).</summary>
    public int MalformedJson { get; set; }

    /// <summary>Requests whose connection is aborted after half of the body was sent.</summary>
    public int DroppedConnections { get; set; }

    /// <summary>A copy, so the live fault state never aliases configuration.</summary>
    public FaultOptions Clone() => (FaultOptions)MemberwiseClone();
}

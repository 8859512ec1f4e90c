namespace AllexPortal.Web.Coordination;

/// <summary>
/// Settings of section <c>Coordination</c>: how this instance names itself to the others and how long a lease
/// lasts without renewal (the time a dead holder's work waits before another instance takes it over).
/// </summary>
public sealed class CoordinationOptions
{
    public const string SectionName = "Coordination";

    /// <summary>This instance's name in the <c>Leases</c> table; default machine name, process id and a random
    /// suffix, so two processes (or a restarted one) never share a name.</summary>
    public string? InstanceId { get; set; }

    /// <summary>How long a lease holds without renewal; holders renew at a third of it. Default 30 seconds.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an instance waits between attempts at a lease it must have (start-up work). Default 1 second.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Describes what is wrong with these settings, or returns null when they are usable.</summary>
    public string? Validate() =>
        LeaseDuration < TimeSpan.FromSeconds(1)
            ? "Coordination:LeaseDuration must be at least one second."
            : RetryInterval <= TimeSpan.Zero
                ? "Coordination:RetryInterval must be positive."
                : InstanceId is { Length: > 200 }
                    ? "Coordination:InstanceId must be at most 200 characters."
                    : null;
}

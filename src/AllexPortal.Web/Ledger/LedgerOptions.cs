namespace AllexPortal.Web.Ledger;

/// <summary>
/// Settings of section <c>Ledger</c>: how often every connection's history is synced, how far back each run
/// re-reads before its cursor, and how soon new connections get their first sync. Validated at start.
/// </summary>
public sealed class LedgerOptions
{
    public const string SectionName = "Ledger";

    /// <summary>Interval of the scheduled sync of every connection; zero switches the schedule off. Default 15 minutes.</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How far before its cursor a run starts reading, so rows the exchange files late, rows at the cursor's own
    /// instant and an uncertain <c>start_date</c> bound are read again (and upserted, never duplicated). Default 1 hour.
    /// </summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows asked for per page (the exchange's maximum is 100; a clamped size is detected and followed). Default 100.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>
    /// How often the portal looks for connections that were never synced (new ones, the demo's at start) and starts
    /// their first sync; zero switches it off. Default 10 seconds.
    /// </summary>
    public TimeSpan DiscoveryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Wait after start before the first look for never-synced connections. Default 2 seconds.</summary>
    public TimeSpan StartupDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Describes what is wrong with these settings, or returns null when they are usable.</summary>
    public string? Validate() =>
        SyncInterval < TimeSpan.Zero || DiscoveryInterval < TimeSpan.Zero || StartupDelay < TimeSpan.Zero
            ? "Ledger:SyncInterval, Ledger:DiscoveryInterval and Ledger:StartupDelay must not be negative (zero switches a schedule off)."
            : SyncInterval > TimeSpan.Zero && SyncInterval < TimeSpan.FromSeconds(10)
                ? "Ledger:SyncInterval must be at least 10 seconds (or zero to switch the schedule off)."
                : Overlap < TimeSpan.Zero
                    ? "Ledger:Overlap must not be negative."
                    : PageSize is < 1 or > 100
                        ? "Ledger:PageSize must be between 1 and 100."
                        : null;
}

namespace AllexPortal.Web.Tests.Ledger;

/// <summary>The ledger portal with the discovery of never-synced connections on (every second, from start), as a
/// portal runs it, so the demo account's connection and new ones are synced without a test starting them.</summary>
public sealed class SchedulerLedgerPortal : LedgerPortal
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Ledger:DiscoveryInterval", "00:00:01"),
        new("Ledger:StartupDelay", "00:00:00"),
    ];
}

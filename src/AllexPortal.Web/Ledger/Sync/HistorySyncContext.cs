using AllexPortal.Exchange;
using AllexPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Ledger.Sync;

/// <summary>What every history's sync of one run shares: the connection, its signed client, the database, the
/// clock, the settings and where to report progress.</summary>
internal sealed class HistorySyncContext(
    Guid connectionId,
    AllexApiKeyClient client,
    IDbContextFactory<PortalDb> databases,
    TimeProvider time,
    LedgerOptions options,
    Action<LedgerKind, int, long, long?> reportProgress)
{
    public Guid ConnectionId { get; } = connectionId;

    public AllexApiKeyClient Client { get; } = client;

    public IDbContextFactory<PortalDb> Databases { get; } = databases;

    public LedgerOptions Options { get; } = options;

    /// <summary>Reports pages and rows read so far of a history and the exchange's total, if known.</summary>
    public void Report(LedgerKind kind, int pages, long rows, long? expected) => reportProgress(kind, pages, rows, expected);

    /// <summary>The time in whole milliseconds, as the wire and the database carry it.</summary>
    public DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMillisecond));
    }
}

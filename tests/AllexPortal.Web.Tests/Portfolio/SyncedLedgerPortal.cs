using Microsoft.AspNetCore.Hosting;

namespace AllexPortal.Web.Tests.Portfolio;

/// <summary>
/// The dashboard portal on the system clock (its ledger schedules are off, so a test starts the sync itself) with a
/// short demo history (60 days, 300 fills) so a full sync takes seconds under the exchange's rate limit.
/// </summary>
public sealed class SyncedLedgerPortal : DashboardPortal
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sandbox:HistoryDays", "60");
        builder.UseSetting("Sandbox:Demo:TradeCount", "300");
    }
}

using AllexPortal.Core.Holdings;
using AllexPortal.Web.Components.Pages.Dashboard;
using AllexPortal.Web.Portfolio;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AllexPortal.Web.Tests.Portfolio;

public sealed class LedgerDifferenceNoteTests : BunitContext
{
    public LedgerDifferenceNoteTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void Each_differing_coin_is_listed_with_ledger_exchange_and_signed_difference()
    {
        ConnectionLedgerDifference[] differences =
        [
            new(Guid.NewGuid(), "Main", new DateTimeOffset(2026, 11, 25, 14, 5, 0, TimeSpan.Zero),
                [new HoldingDifference("btc", 0.25m, 0.30m), new HoldingDifference("usdt", 1_500m, 1_250.5m)]),
        ];

        var note = Render<LedgerDifferenceNote>(p => p.Add(c => c.Differences, differences));

        Assert.Contains("Ledger vs. exchange", note.Markup, StringComparison.Ordinal);
        Assert.Contains("Main", note.Find("[data-testid=ledger-difference-connection]").TextContent, StringComparison.Ordinal);
        Assert.Contains("2026-11-25 14:05 UTC", note.Find("[data-testid=ledger-difference-connection]").TextContent, StringComparison.Ordinal);
        var rows = note.FindAll("[data-testid=ledger-difference]");
        Assert.Equal(["btc", "usdt"], rows.Select(r => r.GetAttribute("data-coin")));
        Assert.Equal(
            [("0.25", "0.3", "+0.05"), ("1,500.00", "1,250.50", "-249.50")],
            rows.Select(r => (
                r.QuerySelector("[data-testid=ledger-amount]")!.TextContent.Trim(),
                r.QuerySelector("[data-testid=exchange-amount]")!.TextContent.Trim(),
                r.QuerySelector("[data-testid=difference-amount]")!.TextContent.Trim())));
    }

    [Fact]
    public void Nothing_is_shown_when_the_ledger_agrees()
    {
        var note = Render<LedgerDifferenceNote>(p => p.Add(c => c.Differences, []));

        Assert.Empty(note.FindAll("[data-testid=ledger-differences]"));
    }
}

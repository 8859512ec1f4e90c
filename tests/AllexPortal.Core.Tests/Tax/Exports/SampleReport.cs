using AllexPortal.Core.Assets;
using AllexPortal.Core.Tax;
using AllexPortal.Core.Tax.Events;
using AllexPortal.Core.Tax.Exports;
using AllexPortal.Core.Tax.Pricing;
using static AllexPortal.Core.Tests.Tax.History;

namespace AllexPortal.Core.Tests.Tax.Exports;

/// <summary>
/// One small history that touches every export column: fees in each position, a swap, a deposit and a withdrawal
/// with a transaction hash, a long-term sale, an oversell, and text that a spreadsheet would read as a formula.
/// </summary>
internal static class SampleReport
{
    public const string FormulaText = "=HYPERLINK(\"http://evil\")";

    public static readonly ReportTransaction[] Transactions =
    [
        new(Buy(2, 0, 1m, "btc", 100m, Fee(0.5m, "usdt")), "Main", "buy 1 btc-usdt"),
        new(Buy(4, 10, 10m, "eth", 50m, Fee(0.1m, "eth")), "Main", "buy 10 eth-usdt"),
        new(Deposit(5, 20, 3m, "xht"), "Main", FormulaText, "0xabc"),
        new(Swap(6, 30, Amount.Of(2m, "eth"), Amount.Of(0.04m, "btc"), Fee(1m, "xht")), "Main", "sell 2 eth-btc"),
        new(Sell(8, 400, 0.5m, "btc", 300m, Fee(0.25m, "usdt")), "Second", "sell 0.5 btc-usdt"),
        new(Withdraw(9, 410, 1m, "eth", Fee(0.01m, "eth")), "Second", "withdrawal", "0xdef"),
        new(Sell(10, 420, 0.6m, "btc", 120m), "Second", "-sell 0.6 btc-usdt"),
    ];

    public static TaxReport Report(CostBasisMethod method = CostBasisMethod.Fifo) => CostBasisEngine.Run(
        Transactions.Select(t => t.Event),
        new TaxReportOptions(method, TwoYears),
        new PriceTable(
        [
            Close("xht", Day(20), 2m), Close("btc", Day(30), 100m), Close("xht", Day(30), 2m), Close("eth", Day(30), 5m),
            Close("eth", Day(410), 6m), Close("eth", TwoYears.LastInstant, 7m), Close("xht", TwoYears.LastInstant, 1m),
        ]));

    private static KeyValuePair<PriceKey, decimal> Close(string coin, DateTimeOffset at, decimal usdt) =>
        KeyValuePair.Create(PriceKey.For(new Asset(coin), Asset.Usdt, at), usdt);
}

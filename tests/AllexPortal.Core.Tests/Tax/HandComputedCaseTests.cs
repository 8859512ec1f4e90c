using AllexPortal.Core.Tax;
using AllexPortal.Core.Tax.Events;
using AllexPortal.Core.Tax.Pricing;
using static AllexPortal.Core.Tests.Tax.History;

namespace AllexPortal.Core.Tests.Tax;

/// <summary>
/// Small histories worked out by hand for every method. Each row gives the period totals the engine must reach;
/// the arithmetic is in the comment beside it.
/// </summary>
public sealed class HandComputedCaseTests
{
    private static readonly Dictionary<string, (LedgerEvent[] Events, PriceTable Prices)> Scenarios = new()
    {
        // Three btc lots at 100, 200, 150, then one sold at 300.
        ["simple"] = ([Buy(1, 0, 1m, "btc", 100m), Buy(2, 10, 1m, "btc", 200m), Buy(3, 20, 1m, "btc", 150m),
            Sell(4, 30, 1m, "btc", 300m)], PriceTable.Empty),

        // 2 btc at 100 each, 2 btc at 300 each, then 3 sold for 1200: one lot is split.
        ["partial lots"] = ([Buy(1, 0, 2m, "btc", 200m), Buy(2, 1, 2m, "btc", 600m),
            Sell(3, 2, 3m, "btc", 1200m)], PriceTable.Empty),

        // btc at 100 and 300; 1 btc swapped for 20 eth when eth closes at 10 (worth 200); the eth sold for 300.
        ["crypto to crypto"] = ([Buy(1, 0, 1m, "btc", 100m), Buy(2, 1, 1m, "btc", 300m),
            Swap(3, 5, Fee(1m, "btc"), Fee(20m, "eth")), Sell(4, 10, 20m, "eth", 300m)], Closes(("eth", 5, 10m))),

        // Buy 1 btc for 100 paying 0.01 btc: the lot is 0.99 btc costing 100; sold for 198.
        ["fee in bought coin of a buy"] = ([Buy(1, 0, 1m, "btc", 100m, Fee(0.01m, "btc")),
            Sell(2, 1, 0.99m, "btc", 198m)], PriceTable.Empty),

        // Buy 1 btc for 100 paying 1 usdt: the lot costs 101; sold for 150.
        ["fee in sold coin of a buy"] = ([Buy(1, 0, 1m, "btc", 100m, Fee(1m, "usdt")),
            Sell(2, 1, 1m, "btc", 150m)], PriceTable.Empty),

        // Sell 1 btc (cost 100) for 150 usdt of which 1.5 usdt is the fee: proceeds 148.5.
        ["fee in bought coin of a sale"] = ([Buy(1, 0, 1m, "btc", 100m),
            Sell(2, 1, 1m, "btc", 150m, Fee(1.5m, "usdt"))], PriceTable.Empty),

        // Sell 0.5 btc for 100 paying 0.01 btc: 0.51 btc (cost 51) leaves for proceeds 100.
        ["fee in sold coin of a sale"] = ([Buy(1, 0, 1m, "btc", 100m),
            Sell(2, 1, 0.5m, "btc", 100m, Fee(0.01m, "btc"))], PriceTable.Empty),

        // 10 xht for 10; buy 1 btc for 100 paying 2 xht when xht closes at 1.5: the xht fee is a disposal
        // (proceeds 3, cost 2) and adds 3 to the btc lot (103); the btc then sold for 150.
        ["fee in a third coin"] = ([Buy(1, 0, 10m, "xht", 10m), Buy(2, 1, 1m, "btc", 100m, Fee(2m, "xht")),
            Sell(3, 2, 1m, "btc", 150m)], Closes(("xht", 1, 1.5m))),

        // 1 btc (100) swapped for 20 eth at 10 (200) with 0.2 eth fee: eth lot 19.8 costing 200, sold for 396.
        ["fee in bought coin of a swap"] = ([Buy(1, 0, 1m, "btc", 100m),
            Swap(2, 1, Fee(1m, "btc"), Fee(20m, "eth"), Fee(0.2m, "eth")), Sell(3, 2, 19.8m, "eth", 396m)],
            Closes(("eth", 1, 10m))),

        // 1 btc for 100; 0.999 withdrawn with a 0.001 btc fee when btc closes at 200 (fee: proceeds 0.2, cost 0.1);
        // deposited back, it keeps day 0 and cost 99.9; sold on day 400 (long term) for 300.
        ["transfer out and back"] = ([Buy(1, 0, 1m, "btc", 100m), Withdraw(2, 10, 0.999m, "btc", Fee(0.001m, "btc")),
            Deposit(3, 20, 0.999m, "btc"), Sell(4, 400, 0.999m, "btc", 300m)], Closes(("btc", 10, 200m))),

        // 1 btc for 100 on 1 Jan 2024; half sold 365 days later (short term), half 366 days later (long term).
        ["threshold"] = ([Buy(1, 0, 1m, "btc", 100m), Sell(2, 365, 0.5m, "btc", 100m),
            Sell(3, 366, 0.5m, "btc", 100m)], PriceTable.Empty),

        // 1 btc for 100, 1.5 sold for 300: 1 btc matched (proceeds 200, cost 100), 0.5 unmatched (proceeds 100, cost 0).
        ["oversell"] = ([Buy(1, 0, 1m, "btc", 100m), Sell(2, 1, 1.5m, "btc", 300m)], PriceTable.Empty),
    };

    public static TheoryData<string, CostBasisMethod, decimal, decimal, decimal, decimal> Cases => new()
    {
        // scenario, method, proceeds, cost basis, short-term gain, long-term gain
        { "simple", CostBasisMethod.Fifo, 300m, 100m, 200m, 0m },                 // oldest lot: 300 - 100
        { "simple", CostBasisMethod.Lifo, 300m, 150m, 150m, 0m },                 // newest lot: 300 - 150
        { "simple", CostBasisMethod.Hifo, 300m, 200m, 100m, 0m },                 // dearest lot: 300 - 200
        { "simple", CostBasisMethod.AverageCost, 300m, 150m, 150m, 0m },          // pool 450 / 3 = 150
        { "partial lots", CostBasisMethod.Fifo, 1200m, 500m, 700m, 0m },          // 2 x 100 + 1 x 300
        { "partial lots", CostBasisMethod.Lifo, 1200m, 700m, 500m, 0m },          // 2 x 300 + 1 x 100
        { "partial lots", CostBasisMethod.Hifo, 1200m, 700m, 500m, 0m },          // 2 x 300 + 1 x 100
        { "partial lots", CostBasisMethod.AverageCost, 1200m, 600m, 600m, 0m },   // 3 x (800 / 4)
        { "crypto to crypto", CostBasisMethod.Fifo, 500m, 300m, 200m, 0m },       // btc 200 - 100, eth 300 - 200
        { "crypto to crypto", CostBasisMethod.Lifo, 500m, 500m, 0m, 0m },         // btc 200 - 300, eth 300 - 200
        { "crypto to crypto", CostBasisMethod.Hifo, 500m, 500m, 0m, 0m },         // btc 200 - 300, eth 300 - 200
        { "crypto to crypto", CostBasisMethod.AverageCost, 500m, 400m, 100m, 0m }, // btc 200 - 200, eth 300 - 200
        { "fee in bought coin of a buy", CostBasisMethod.Fifo, 198m, 100m, 98m, 0m },
        { "fee in bought coin of a buy", CostBasisMethod.Lifo, 198m, 100m, 98m, 0m },
        { "fee in bought coin of a buy", CostBasisMethod.Hifo, 198m, 100m, 98m, 0m },
        { "fee in bought coin of a buy", CostBasisMethod.AverageCost, 198m, 100m, 98m, 0m },
        { "fee in sold coin of a buy", CostBasisMethod.Fifo, 150m, 101m, 49m, 0m },
        { "fee in sold coin of a buy", CostBasisMethod.Lifo, 150m, 101m, 49m, 0m },
        { "fee in sold coin of a buy", CostBasisMethod.Hifo, 150m, 101m, 49m, 0m },
        { "fee in sold coin of a buy", CostBasisMethod.AverageCost, 150m, 101m, 49m, 0m },
        { "fee in bought coin of a sale", CostBasisMethod.Fifo, 148.5m, 100m, 48.5m, 0m },
        { "fee in bought coin of a sale", CostBasisMethod.Lifo, 148.5m, 100m, 48.5m, 0m },
        { "fee in bought coin of a sale", CostBasisMethod.Hifo, 148.5m, 100m, 48.5m, 0m },
        { "fee in bought coin of a sale", CostBasisMethod.AverageCost, 148.5m, 100m, 48.5m, 0m },
        { "fee in sold coin of a sale", CostBasisMethod.Fifo, 100m, 51m, 49m, 0m },
        { "fee in sold coin of a sale", CostBasisMethod.Lifo, 100m, 51m, 49m, 0m },
        { "fee in sold coin of a sale", CostBasisMethod.Hifo, 100m, 51m, 49m, 0m },
        { "fee in sold coin of a sale", CostBasisMethod.AverageCost, 100m, 51m, 49m, 0m },
        { "fee in a third coin", CostBasisMethod.Fifo, 153m, 105m, 48m, 0m },     // xht 3 - 2, btc 150 - 103
        { "fee in a third coin", CostBasisMethod.Lifo, 153m, 105m, 48m, 0m },
        { "fee in a third coin", CostBasisMethod.Hifo, 153m, 105m, 48m, 0m },
        { "fee in a third coin", CostBasisMethod.AverageCost, 153m, 105m, 48m, 0m },
        { "fee in bought coin of a swap", CostBasisMethod.Fifo, 596m, 300m, 296m, 0m }, // btc 200 - 100, eth 396 - 200
        { "fee in bought coin of a swap", CostBasisMethod.Lifo, 596m, 300m, 296m, 0m },
        { "fee in bought coin of a swap", CostBasisMethod.Hifo, 596m, 300m, 296m, 0m },
        { "fee in bought coin of a swap", CostBasisMethod.AverageCost, 596m, 300m, 296m, 0m },
        { "transfer out and back", CostBasisMethod.Fifo, 300.2m, 100m, 0.1m, 200.1m }, // fee 0.2 - 0.1; 300 - 99.9
        { "transfer out and back", CostBasisMethod.Lifo, 300.2m, 100m, 0.1m, 200.1m },
        { "transfer out and back", CostBasisMethod.Hifo, 300.2m, 100m, 0.1m, 200.1m },
        { "transfer out and back", CostBasisMethod.AverageCost, 300.2m, 100m, 0.1m, 200.1m },
        { "threshold", CostBasisMethod.Fifo, 200m, 100m, 50m, 50m },              // 100 - 50 each side of 365 days
        { "threshold", CostBasisMethod.Lifo, 200m, 100m, 50m, 50m },
        { "threshold", CostBasisMethod.Hifo, 200m, 100m, 50m, 50m },
        { "threshold", CostBasisMethod.AverageCost, 200m, 100m, 50m, 50m },
        { "oversell", CostBasisMethod.Fifo, 300m, 100m, 200m, 0m },               // (200 - 100) + (100 - 0)
        { "oversell", CostBasisMethod.Lifo, 300m, 100m, 200m, 0m },
        { "oversell", CostBasisMethod.Hifo, 300m, 100m, 200m, 0m },
        { "oversell", CostBasisMethod.AverageCost, 300m, 100m, 200m, 0m },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Period_totals_match_the_hand_computed_figures(
        string scenario, CostBasisMethod method, decimal proceeds, decimal cost, decimal shortTerm, decimal longTerm)
    {
        var (events, prices) = Scenarios[scenario];

        var totals = Report(method, events, prices).Totals;

        Assert.Equal(new GainTotals(proceeds, cost, shortTerm, longTerm), totals);
    }
}

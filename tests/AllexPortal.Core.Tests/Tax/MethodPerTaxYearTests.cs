using AllexPortal.Core.Assets;
using AllexPortal.Core.Tax;
using AllexPortal.Core.Tax.Events;
using AllexPortal.Core.Tax.Pricing;
using static AllexPortal.Core.Tests.Tax.History;

namespace AllexPortal.Core.Tests.Tax;

/// <summary>
/// Histories worked out by hand across tax years with a different method in each: the lots held carry over, and
/// each disposal uses the method of the year it falls in. Days count from 1 January 2024, so day 366 is
/// 1 January 2025 and day 731 is 1 January 2026 (2024 is a leap year).
/// </summary>
public sealed class MethodPerTaxYearTests
{
    private static readonly ReportPeriod ThreeYears = new(Origin, Origin.AddYears(3));
    private static readonly Asset Btc = new("btc");

    /// <summary>1 btc each at 100 (day 0), 200 (day 10) and 300 (day 20), then 1 btc sold for 250 on day 30.</summary>
    private static readonly LedgerEvent[] ThreeLotsAndASale =
        [Buy(1, 0, 1m, "btc", 100m), Buy(2, 10, 1m, "btc", 200m), Buy(3, 20, 1m, "btc", 300m), Sell(4, 30, 1m, "btc", 250m)];

    [Fact]
    public void Lots_bought_under_fifo_are_sold_highest_first_in_a_hifo_year()
    {
        LedgerEvent[] events = [.. ThreeLotsAndASale, Sell(5, 400, 1m, "btc", 250m)];

        var report = Run(events, CostBasisMethod.Fifo, (2025, CostBasisMethod.Hifo));

        // 2024 (FIFO): the day-0 lot, 250 - 100. 2025 (HIFO): the day-20 lot at 300, held 380 days, 250 - 300.
        Assert.Equal(
            [(0, 100m, 150m, HoldingPeriod.ShortTerm), (20, 300m, -50m, HoldingPeriod.LongTerm)],
            Rows(report));
        Assert.Equal([(10, 1m, 200m)], Lots(report));
        Assert.Equal([150m, -50m], report.TotalsByYear.Select(y => y.Totals.Gain));
    }

    [Fact]
    public void Lots_left_by_lifo_are_sold_oldest_first_in_a_fifo_year()
    {
        LedgerEvent[] events = [.. ThreeLotsAndASale, Sell(5, 400, 1m, "btc", 250m)];

        var report = Run(events, CostBasisMethod.Lifo, (2025, CostBasisMethod.Fifo));

        // 2024 (LIFO): the day-20 lot, 250 - 300. 2025 (FIFO): the day-0 lot, held 400 days, 250 - 100.
        Assert.Equal(
            [(20, 300m, -50m, HoldingPeriod.ShortTerm), (0, 100m, 150m, HoldingPeriod.LongTerm)],
            Rows(report));
        Assert.Equal([(10, 1m, 200m)], Lots(report));
    }

    [Fact]
    public void Lots_carried_into_an_average_cost_year_join_the_pool_and_leave_it_at_the_pooled_cost()
    {
        LedgerEvent[] events =
        [
            Buy(1, 0, 1m, "btc", 100m), Buy(2, 10, 1m, "btc", 200m), Buy(3, 20, 2m, "btc", 600m),
            Sell(4, 30, 1m, "btc", 250m),      // 2024 FIFO: the day-0 lot, 250 - 100
            Buy(5, 400, 1m, "btc", 400m),      // 2025 pool: 3 carried units costing 800, plus 400 = 4 units at 300
            Sell(6, 450, 2m, "btc", 700m),     // 2 x 300 against 2 x 350, dated day 10 and day 20 (first in, first out)
            Buy(7, 750, 1m, "btc", 1000m),     // 2026 FIFO: a lot of its own beside the two pooled units at 300
            Sell(8, 800, 1m, "btc", 500m),     // the oldest pooled unit (day 20) at the pooled 300
        ];

        var report = Run(events, CostBasisMethod.Fifo, (2025, CostBasisMethod.AverageCost));

        Assert.Equal(
            [
                (0, 100m, 150m, HoldingPeriod.ShortTerm),
                (10, 300m, 50m, HoldingPeriod.LongTerm), (20, 300m, 50m, HoldingPeriod.LongTerm),
                (20, 300m, 200m, HoldingPeriod.LongTerm),
            ],
            Rows(report));
        Assert.Equal([(400, 1m, 300m), (750, 1m, 1000m)], Lots(report));
        Assert.Equal([150m, 100m, 200m], report.TotalsByYear.Select(y => y.Totals.Gain));
    }

    [Fact]
    public void A_pool_left_for_hifo_goes_out_as_one_lot_oldest_unit_first_despite_rounding()
    {
        // Pooled in 2024: 3 units costing 100, so 33.333333333333 a unit with the last unit carrying the remainder
        // (33.333333333334). Ranked by their own rounded costs, HIFO would take the day-20 unit first.
        LedgerEvent[] events =
        [
            Buy(1, 0, 1m, "btc", 10m), Buy(2, 10, 1m, "btc", 40m), Buy(3, 20, 1m, "btc", 50m),
            Sell(4, 400, 1m, "btc", 50m),
        ];

        var report = Run(events, CostBasisMethod.AverageCost, (2025, CostBasisMethod.Hifo));

        Assert.Equal([(0, 33.333333333333m, 16.666666666667m, HoldingPeriod.LongTerm)], Rows(report));
        Assert.Equal(100m - 33.333333333333m, Lots(report).Sum(lot => lot.Cost));
    }

    [Fact]
    public void Lots_dearer_than_a_left_pool_still_go_first_under_hifo()
    {
        LedgerEvent[] events =
        [
            Buy(1, 0, 1m, "btc", 100m), Buy(2, 10, 1m, "btc", 200m),   // 2024 pool: 2 units at 150
            Buy(3, 400, 1m, "btc", 120m), Buy(4, 410, 1m, "btc", 500m),
            Sell(5, 420, 2m, "btc", 600m),                             // the 500 lot, then the oldest pooled unit
        ];

        var report = Run(events, CostBasisMethod.AverageCost, (2025, CostBasisMethod.Hifo), (2026, CostBasisMethod.Hifo));

        Assert.Equal(
            [(410, 500m, -200m, HoldingPeriod.ShortTerm), (0, 150m, 150m, HoldingPeriod.LongTerm)],
            Rows(report));
        Assert.Equal([(10, 1m, 150m), (400, 1m, 120m)], Lots(report));
    }

    [Fact]
    public void The_remaining_lots_are_shown_under_the_method_of_the_last_year_even_without_events_in_it()
    {
        var report = Run(ThreeLotsAndASale, CostBasisMethod.Fifo, (2026, CostBasisMethod.AverageCost));

        // 2024 FIFO leaves the 200 and 300 lots; pooled in 2026 they are 2 units at 250.
        Assert.Equal([(10, 1m, 250m), (20, 1m, 250m)], Lots(report));
    }

    [Fact]
    public void A_year_before_the_period_shapes_the_lots_the_period_inherits()
    {
        LedgerEvent[] events = [.. ThreeLotsAndASale, Sell(5, 400, 1m, "btc", 250m)];
        var options = new TaxReportOptions(CostBasisMethod.Hifo, new TaxYear(2025).Period)
        {
            MethodByTaxYear = new Dictionary<int, CostBasisMethod> { [2024] = CostBasisMethod.Lifo },
        };

        var report = CostBasisEngine.Run(events, options, PriceTable.Empty);

        // 2024 (LIFO, replayed, not reported) sold the 300 lot, so HIFO in 2025 finds the 200 lot dearest.
        Assert.Equal([(10, 200m, 50m, HoldingPeriod.LongTerm)], Rows(report));
    }

    [Theory]
    [InlineData(CostBasisMethod.Fifo)]
    [InlineData(CostBasisMethod.Lifo)]
    [InlineData(CostBasisMethod.Hifo)]
    [InlineData(CostBasisMethod.AverageCost)]
    public void Overrides_naming_the_report_method_change_nothing(CostBasisMethod method)
    {
        LedgerEvent[] events = [.. ThreeLotsAndASale, Withdraw(5, 200, 0.5m, "btc"), Deposit(6, 380, 0.5m, "btc"),
            Buy(7, 390, 1m, "btc", 220m), Sell(8, 500, 2m, "btc", 700m), Sell(9, 800, 0.25m, "btc", 100m)];
        var plain = Run(events, method);

        var same = Run(events, method, (2024, method), (2025, method), (2026, method));

        Assert.Equal(plain.Disposals, same.Disposals);
        Assert.Equal(plain.RemainingLots, same.RemainingLots);
        Assert.Equal(plain.TotalsByYear.Select(y => y.Totals), same.TotalsByYear.Select(y => y.Totals));
    }

    [Fact]
    public void Lots_in_transit_over_a_year_end_rejoin_under_the_new_method()
    {
        LedgerEvent[] events =
        [
            Buy(1, 0, 1m, "btc", 100m), Buy(2, 10, 1m, "btc", 300m),
            Withdraw(3, 300, 1m, "btc"),       // 2024 FIFO: the day-0 lot (100) leaves for another wallet
            Deposit(4, 380, 1m, "btc"),        // back in 2025 with its date and cost, into the pool: 2 units at 200
            Sell(5, 390, 1m, "btc", 250m),     // pooled cost 200, dated day 0 (first in, first out): long term
        ];

        var report = Run(events, CostBasisMethod.Fifo, (2025, CostBasisMethod.AverageCost));

        Assert.Equal([(0, 200m, 50m, HoldingPeriod.LongTerm)], Rows(report));
        Assert.Equal([(10, 1m, 200m)], Lots(report));
    }

    private static TaxReport Run(LedgerEvent[] events, CostBasisMethod method, params (int Year, CostBasisMethod Method)[] overrides) =>
        CostBasisEngine.Run(events, new TaxReportOptions(method, ThreeYears)
        {
            MethodByTaxYear = overrides.ToDictionary(o => o.Year, o => o.Method),
        }, PriceTable.Empty);

    /// <summary>Each disposal row as (day acquired, cost basis, gain, holding period).</summary>
    private static List<(int AcquiredDay, decimal Cost, decimal Gain, HoldingPeriod Term)> Rows(TaxReport report) =>
        [.. report.Disposals.Select(r => (DayOf(r.AcquiredAt!.Value), r.CostBasis, r.Gain, r.HoldingPeriod))];

    /// <summary>Each remaining btc lot as (day acquired, quantity, cost), oldest first.</summary>
    private static List<(int AcquiredDay, decimal Quantity, decimal Cost)> Lots(TaxReport report) =>
        [.. report.RemainingLots.Where(l => l.Asset == Btc).OrderBy(l => l.AcquiredAt)
            .Select(l => (DayOf(l.AcquiredAt), l.Quantity, l.CostBasis))];

    private static int DayOf(DateTimeOffset time) => (int)(time - Origin).TotalDays;
}

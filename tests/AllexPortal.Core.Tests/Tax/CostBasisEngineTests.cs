using AllexPortal.Core.Assets;
using AllexPortal.Core.Tax;
using AllexPortal.Core.Tax.Events;
using AllexPortal.Core.Tax.Pricing;
using static AllexPortal.Core.Tests.Tax.History;

namespace AllexPortal.Core.Tests.Tax;

public sealed class CostBasisEngineTests
{
    private static readonly Asset Btc = new("btc");
    private static readonly Asset Eth = new("eth");

    [Fact]
    public void Overselling_warns_with_the_shortfall_and_reports_it_as_an_unmatched_row()
    {
        var report = Report(CostBasisMethod.Fifo, [Buy(1, 0, 1m, "btc", 100m), Sell(2, 1, 1.5m, "btc", 300m)]);

        var warning = Assert.Single(report.Warnings, w => w.Kind == TaxWarningKind.Oversold);
        Assert.Equal((2L, Btc, 0.5m), (warning.LedgerId!.Value, warning.Asset, warning.Quantity));
        Assert.Equal(
            [new Disposal(2, DisposalKind.Trade, Btc, Day(1), 1, Day(0), 1m, 200m, 100m, HoldingPeriod.ShortTerm),
             new Disposal(2, DisposalKind.Trade, Btc, Day(1), null, null, 0.5m, 100m, 0m, HoldingPeriod.ShortTerm)],
            report.Disposals);
    }

    [Fact]
    public void Withdrawing_more_than_is_held_warns_with_the_shortfall()
    {
        var report = Report(CostBasisMethod.Fifo, [Buy(1, 0, 1m, "btc", 100m), Withdraw(2, 1, 1.25m, "btc")]);

        var warning = Assert.Single(report.Warnings, w => w.Kind == TaxWarningKind.Oversold);
        Assert.Equal((2L, 0.25m), (warning.LedgerId!.Value, warning.Quantity));
    }

    [Fact]
    public void A_swap_without_any_close_is_warned_about_on_the_event_not_silently_valued()
    {
        var report = Report(CostBasisMethod.Fifo,
            [Buy(1, 0, 1m, "btc", 100m), Swap(2, 1, Fee(1m, "btc"), Fee(20m, "eth"))]);

        var warning = Assert.Single(report.Warnings, w => w.LedgerId == 2);
        Assert.Equal((TaxWarningKind.MissingPrice, Eth, 20m), (warning.Kind, warning.Asset, warning.Quantity));
    }

    [Fact]
    public void A_swap_falls_back_to_the_sold_coins_close_when_the_bought_coin_has_none()
    {
        var report = Report(CostBasisMethod.Fifo,
            [Buy(1, 0, 1m, "btc", 100m), Swap(2, 1, Fee(1m, "btc"), Fee(20m, "eth"))], Closes(("btc", 1, 250m)));

        Assert.Equal(250m, Assert.Single(report.Disposals).Proceeds);
    }

    [Theory]
    [InlineData(UnknownCostBasisValuation.MarketPrice, 40)] // 4 eth at 10
    [InlineData(UnknownCostBasisValuation.Zero, 0)]
    public void A_deposit_of_unknown_basis_is_flagged_and_valued_as_chosen(UnknownCostBasisValuation valuation, int cost)
    {
        var options = new TaxReportOptions(CostBasisMethod.Fifo, TwoYears) { UnknownCostBasis = valuation };

        var report = CostBasisEngine.Run([Deposit(1, 3, 4m, "eth")], options, Closes(("eth", 3, 10m)));

        var warning = Assert.Single(report.Warnings, w => w.LedgerId == 1);
        Assert.Equal((TaxWarningKind.UnknownCostBasis, 4m), (warning.Kind, warning.Quantity));
        Assert.Equal(new Lot(Eth, 1, Day(3), 4m, cost), Assert.Single(report.RemainingLots));
    }

    [Fact]
    public void A_deposit_with_a_known_basis_is_not_flagged()
    {
        var report = Report(CostBasisMethod.Fifo, [Deposit(1, 3, 4m, "eth", costBasis: 30m)]);

        Assert.DoesNotContain(report.Warnings, w => w.LedgerId == 1);
        Assert.Equal(new Lot(Eth, 1, Day(3), 4m, 30m), Assert.Single(report.RemainingLots));
    }

    [Fact]
    public void Withdrawn_coins_stay_in_transit_with_their_dates_and_cost_until_deposited()
    {
        var report = Report(CostBasisMethod.Fifo,
            [Buy(1, 0, 1m, "btc", 100m), Buy(2, 5, 1m, "btc", 300m), Withdraw(3, 10, 1.5m, "btc")]);

        Assert.Empty(report.Disposals);
        Assert.Equal([new Lot(Btc, 1, Day(0), 1m, 100m), new Lot(Btc, 2, Day(5), 0.5m, 150m)], report.LotsInTransit);
        Assert.Equal([new Lot(Btc, 2, Day(5), 0.5m, 150m)], report.RemainingLots);
    }

    [Fact]
    public void Coins_coming_back_from_transit_take_their_place_in_acquisition_order()
    {
        LedgerEvent[] events =
        [
            Buy(1, 0, 1m, "btc", 100m), Withdraw(2, 1, 1m, "btc"), Buy(3, 2, 1m, "btc", 300m),
            Deposit(4, 3, 1m, "btc"), Sell(5, 4, 1m, "btc", 500m),
        ];

        var report = Report(CostBasisMethod.Fifo, events);

        Assert.Equal(1L, Assert.Single(report.Disposals).AcquisitionLedgerId);
    }

    [Fact]
    public void Hifo_takes_equal_unit_costs_in_acquisition_order()
    {
        var report = Report(CostBasisMethod.Hifo,
            [Buy(1, 0, 1m, "btc", 100m), Buy(2, 1, 2m, "btc", 200m), Buy(3, 2, 1m, "btc", 50m), Sell(4, 3, 1.5m, "btc", 300m)]);

        Assert.Equal([(1L, 1m), (2L, 0.5m)], report.Disposals.Select(d => (d.AcquisitionLedgerId!.Value, d.Quantity)));
    }

    [Fact]
    public void Average_cost_dates_a_disposal_from_the_oldest_pooled_acquisitions()
    {
        var report = Report(CostBasisMethod.AverageCost,
            [Buy(1, 0, 1m, "btc", 100m), Buy(2, 400, 1m, "btc", 300m), Sell(3, 500, 1.5m, "btc", 600m)]);

        // pool 2 btc for 400: 1.5 btc cost 300, dated 1 btc from day 0 (long) and 0.5 from day 400 (short)
        Assert.Equal(
            [new Disposal(3, DisposalKind.Trade, Btc, Day(500), 1, Day(0), 1m, 400m, 200m, HoldingPeriod.LongTerm),
             new Disposal(3, DisposalKind.Trade, Btc, Day(500), 2, Day(400), 0.5m, 200m, 100m, HoldingPeriod.ShortTerm)],
            report.Disposals);
        Assert.Equal([new Lot(Btc, 2, Day(400), 0.5m, 100m)], report.RemainingLots);
    }

    [Fact]
    public void A_fee_in_a_third_coin_is_reported_as_its_own_disposal()
    {
        var report = Report(CostBasisMethod.Fifo,
            [Buy(1, 0, 10m, "xht", 10m), Buy(2, 1, 1m, "btc", 100m, Fee(2m, "xht"))], Closes(("xht", 1, 1.5m)));

        var fee = Assert.Single(report.Disposals);
        Assert.Equal((DisposalKind.TradeFee, new Asset("xht"), 2m, 3m, 2m), (fee.Kind, fee.Asset, fee.Quantity, fee.Proceeds, fee.CostBasis));
        Assert.Equal(103m, report.RemainingLots.Single(lot => lot.Asset == Btc).CostBasis);
    }

    [Fact]
    public void Disposals_before_the_period_shape_the_lots_but_are_not_reported()
    {
        var events = new[] { Buy(1, 0, 2m, "btc", 200m), Sell(2, 10, 1m, "btc", 150m), Sell(3, 400, 1m, "btc", 500m) };
        var options = new TaxReportOptions(CostBasisMethod.Fifo, new TaxYear(2025).Period);

        var report = CostBasisEngine.Run(events, options, PriceTable.Empty);

        Assert.Equal(3L, Assert.Single(report.Disposals).LedgerId);
        Assert.Equal(new GainTotals(500m, 100m, 0m, 400m), report.Totals);
    }

    [Fact]
    public void Events_after_the_period_are_ignored()
    {
        var options = new TaxReportOptions(CostBasisMethod.Fifo, new TaxYear(2024).Period);

        var report = CostBasisEngine.Run(
            [Buy(1, 0, 1m, "btc", 100m), Sell(2, 366, 1m, "btc", 500m)], options, PriceTable.Empty);

        Assert.Empty(report.Disposals);
        Assert.Equal(1m, Assert.Single(report.RemainingLots).Quantity);
    }

    [Fact]
    public void Unrealised_gains_use_the_last_hourly_close_of_the_period()
    {
        var options = new TaxReportOptions(CostBasisMethod.Fifo, new TaxYear(2024).Period);
        var lastHour = PriceKey.For(Btc, Asset.Usdt, new DateTimeOffset(2024, 12, 31, 23, 0, 0, TimeSpan.Zero));
        var prices = new PriceTable([KeyValuePair.Create(lastHour, 400m)]);

        var report = CostBasisEngine.Run([Buy(1, 0, 1m, "btc", 100m), Buy(2, 1, 1m, "btc", 200m)], options, prices);

        var unrealised = Assert.Single(report.Unrealised);
        Assert.Equal((2m, 300m, 800m, 500m), (unrealised.Quantity, unrealised.CostBasis, unrealised.MarketValue!.Value, unrealised.Gain!.Value));
    }

    [Fact]
    public void An_unpriced_holding_at_the_period_end_is_warned_about_and_left_unvalued()
    {
        var report = Report(CostBasisMethod.Fifo, [Buy(1, 0, 1m, "btc", 100m)]);

        Assert.Null(Assert.Single(report.Unrealised).MarketValue);
        var warning = Assert.Single(report.Warnings);
        Assert.Equal((null, TaxWarningKind.MissingPrice), (warning.LedgerId, warning.Kind));
        Assert.Contains("unrealised gain on 1 btc is unknown", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Totals_are_split_by_tax_year_and_asset()
    {
        var report = Report(CostBasisMethod.Fifo,
        [
            Buy(1, 0, 2m, "btc", 200m), Buy(2, 0, 10m, "eth", 100m),
            Sell(3, 10, 1m, "btc", 150m), Sell(4, 400, 1m, "btc", 300m), Sell(5, 400, 5m, "eth", 20m),
        ]);

        Assert.Equal(
            [(2024, 50m), (2025, 170m)],
            report.TotalsByYear.Select(y => (y.Year.StartYear, y.Totals.Gain)));
        Assert.Equal([(Btc, 250m), (Eth, -30m)], report.TotalsByAsset.Select(a => (a.Asset, a.Totals.Gain)));
    }

    [Fact]
    public void Two_events_with_the_same_time_and_ledger_id_are_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            Report(CostBasisMethod.Fifo, [Buy(1, 0, 1m, "btc", 100m), Sell(1, 0, 1m, "btc", 100m)]));
    }

    [Fact]
    public void A_trade_with_a_fee_larger_than_what_was_bought_is_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            Report(CostBasisMethod.Fifo, [Buy(1, 0, 1m, "btc", 100m, Fee(2m, "btc"))]));
    }
}

using AllexPortal.Core.Assets;
using AllexPortal.Core.Holdings;
using AllexPortal.Core.Tax.Events;

namespace AllexPortal.Core.Tests.Holdings;

/// <summary>Day-end holdings of small histories worked out by hand.</summary>
public sealed class HoldingsReconstructionTests
{
    private static readonly DateOnly Day1 = new(2025, 3, 1);
    private static readonly DateTimeOffset Midnight1 = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_buy_with_its_fee_in_the_bought_coin_takes_the_quote_and_brings_the_base_less_the_fee()
    {
        LedgerEvent[] events =
        [
            new DepositEvent(1, Midnight1.AddHours(1), Amount.Of(10_000m, "usdt")),
            new TradeEvent(2, Midnight1.AddHours(2), Amount.Of(6_000m, "usdt"), Amount.Of(0.1m, "btc"), Amount.Of(0.0001m, "btc")),
        ];

        var days = HoldingsReconstruction.DayEnds(events, Day1);

        var day = Assert.Single(days);
        Assert.Equal(Day1, day.Day);
        Assert.Equal(new Dictionary<string, decimal> { ["usdt"] = 4_000m, ["btc"] = 0.0999m }, day.Amounts);
    }

    [Fact]
    public void A_fee_in_a_third_coin_is_taken_from_that_coin()
    {
        LedgerEvent[] events =
        [
            new DepositEvent(1, Midnight1, Amount.Of(2m, "eth")),
            new DepositEvent(2, Midnight1, Amount.Of(100m, "xht")),
            new TradeEvent(3, Midnight1.AddHours(5), Amount.Of(1.5m, "eth"), Amount.Of(0.08m, "btc"), Amount.Of(1.25m, "xht")),
        ];

        var holdings = HoldingsReconstruction.Final(events);

        Assert.Equal(new Dictionary<string, decimal> { ["eth"] = 0.5m, ["btc"] = 0.08m, ["xht"] = 98.75m }, holdings);
    }

    [Fact]
    public void A_withdrawal_takes_its_amount_and_its_fee()
    {
        LedgerEvent[] events =
        [
            new DepositEvent(1, Midnight1, Amount.Of(1m, "btc")),
            new WithdrawalEvent(2, Midnight1.AddHours(3), Amount.Of(0.4m, "btc"), Amount.Of(0.0002m, "btc")),
        ];

        var holdings = HoldingsReconstruction.Final(events);

        Assert.Equal(new Dictionary<string, decimal> { ["btc"] = 0.5998m }, holdings);
    }

    [Fact]
    public void Every_day_up_to_the_last_is_listed_and_quiet_days_carry_the_previous_holdings()
    {
        LedgerEvent[] events =
        [
            new DepositEvent(1, Midnight1.AddHours(10), Amount.Of(500m, "usdt")),
            new TradeEvent(2, Midnight1.AddDays(2).AddHours(9), Amount.Of(200m, "usdt"), Amount.Of(2m, "sol")),
        ];

        var days = HoldingsReconstruction.DayEnds(events, Day1.AddDays(3));

        Assert.Equal([Day1, Day1.AddDays(1), Day1.AddDays(2), Day1.AddDays(3)], days.Select(d => d.Day));
        Assert.Equal(new Dictionary<string, decimal> { ["usdt"] = 500m }, days[1].Amounts);
        Assert.Equal(new Dictionary<string, decimal> { ["usdt"] = 300m, ["sol"] = 2m }, days[2].Amounts);
        Assert.Equal(days[2].Amounts, days[3].Amounts);
    }

    [Fact]
    public void An_event_at_midnight_counts_on_the_day_it_starts_not_the_day_before()
    {
        LedgerEvent[] events =
        [
            new DepositEvent(1, Midnight1.AddHours(23).AddMinutes(59), Amount.Of(1m, "eth")),
            new DepositEvent(2, Midnight1.AddDays(1), Amount.Of(2m, "eth")),
        ];

        var days = HoldingsReconstruction.DayEnds(events, Day1.AddDays(1));

        Assert.Equal(1m, days[0].Amounts["eth"]);
        Assert.Equal(3m, days[1].Amounts["eth"]);
        Assert.Equal(new DateTimeOffset(2025, 3, 2, 0, 0, 0, TimeSpan.Zero), days[0].End);
    }

    [Fact]
    public void A_coin_spent_to_zero_drops_out_and_one_spent_below_zero_stays_negative()
    {
        LedgerEvent[] events =
        [
            new DepositEvent(1, Midnight1, Amount.Of(1m, "eth")),
            new TradeEvent(2, Midnight1.AddHours(1), Amount.Of(1m, "eth"), Amount.Of(2_000m, "usdt")),
            new WithdrawalEvent(3, Midnight1.AddHours(2), Amount.Of(0.5m, "btc")),
        ];

        var holdings = HoldingsReconstruction.Final(events);

        Assert.Equal(new Dictionary<string, decimal> { ["usdt"] = 2_000m, ["btc"] = -0.5m }, holdings);
    }

    [Fact]
    public void Events_after_the_last_day_are_not_counted_and_no_events_give_no_days()
    {
        LedgerEvent[] events = [new DepositEvent(1, Midnight1.AddDays(5), Amount.Of(1m, "eth"))];

        Assert.Empty(HoldingsReconstruction.DayEnds(events, Day1.AddDays(4)));
        Assert.Empty(HoldingsReconstruction.DayEnds([], Day1));
    }

    [Fact]
    public void Events_out_of_order_give_the_same_day_ends()
    {
        LedgerEvent[] events =
        [
            new DepositEvent(1, Midnight1, Amount.Of(1_000m, "usdt")),
            new TradeEvent(2, Midnight1.AddDays(1), Amount.Of(100m, "usdt"), Amount.Of(1m, "sol")),
            new TradeEvent(3, Midnight1.AddDays(2), Amount.Of(1m, "sol"), Amount.Of(120m, "usdt")),
        ];

        var forward = HoldingsReconstruction.DayEnds(events, Day1.AddDays(2));
        var backward = HoldingsReconstruction.DayEnds(events.Reverse(), Day1.AddDays(2));

        Assert.Equal(forward.Select(d => d.Amounts), backward.Select(d => d.Amounts));
        Assert.Equal(new Dictionary<string, decimal> { ["usdt"] = 1_020m }, forward[^1].Amounts);
    }
}

using AllexPortal.Core.Assets;
using AllexPortal.Core.Holdings;
using AllexPortal.Core.Tax.Events;
using CsCheck;

namespace AllexPortal.Core.Tests.Holdings;

/// <summary>Invariants of the reconstruction on generated histories of trades, fees, deposits and withdrawals.</summary>
public sealed class HoldingsPropertyTests
{
    private static readonly string[] Coins = ["usdt", "btc", "eth", "sol"];
    private static readonly DateTimeOffset Origin = new(2024, 12, 30, 0, 0, 0, TimeSpan.Zero);

    private static readonly Gen<LedgerEvent[]> Histories = Gen.Select(
            Gen.Int[0, 2], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[1, 1_000_000], Gen.Int[1, 1_000_000], Gen.Int[0, 24 * 20], Gen.Int[0, 4],
            (kind, a, b, first, second, hour, fee) => (kind, a, b, first, second, hour, fee))
        .Array[0, 80]
        .Select(steps => steps.Select((step, index) => ToEvent(index + 1L, step)).ToArray());

    [Fact]
    public void Final_holdings_are_the_sum_of_each_coins_signed_flows()
    {
        Histories.Sample(events =>
        {
            var expected = Expected(events);

            var holdings = HoldingsReconstruction.Final(events);

            Assert.Equal(expected, holdings.OrderBy(h => h.Key, StringComparer.Ordinal));
        }, iter: 300);
    }

    [Fact]
    public void The_last_day_end_equals_the_final_holdings_and_each_day_counts_only_events_before_its_end()
    {
        Histories.Where(events => events.Length > 0).Sample(events =>
        {
            var lastDay = DateOnly.FromDateTime(events.Max(e => e.Time).UtcDateTime);

            var days = HoldingsReconstruction.DayEnds(events, lastDay);

            Assert.Equal(HoldingsReconstruction.Final(events).OrderBy(h => h.Key, StringComparer.Ordinal), days[^1].Amounts.OrderBy(h => h.Key, StringComparer.Ordinal));
            foreach (var day in days)
            {
                Assert.Equal(Expected(events.Where(e => e.Time < day.End)), day.Amounts.OrderBy(h => h.Key, StringComparer.Ordinal));
            }
        }, iter: 100);
    }

    /// <summary>The test's own sum: every amount a history names, signed by which way it moved.</summary>
    private static List<KeyValuePair<string, decimal>> Expected(IEnumerable<LedgerEvent> events)
    {
        var signed = new List<(string Coin, decimal Change)>();
        foreach (var ledgerEvent in events)
        {
            switch (ledgerEvent)
            {
                case TradeEvent t:
                    signed.Add((t.Sold.Asset.Code, -t.Sold.Quantity));
                    signed.Add((t.Bought.Asset.Code, t.Bought.Quantity));
                    if (t.Fee is { } fee)
                    {
                        signed.Add((fee.Asset.Code, -fee.Quantity));
                    }

                    break;
                case DepositEvent d:
                    signed.Add((d.Amount.Asset.Code, d.Amount.Quantity));
                    break;
                case WithdrawalEvent w:
                    signed.Add((w.Amount.Asset.Code, -w.Amount.Quantity));
                    if (w.Fee is { } withdrawalFee)
                    {
                        signed.Add((withdrawalFee.Asset.Code, -withdrawalFee.Quantity));
                    }

                    break;
            }
        }

        return [.. signed.GroupBy(s => s.Coin)
            .Select(g => new KeyValuePair<string, decimal>(g.Key, g.Sum(s => s.Change)))
            .Where(c => c.Value != 0m)
            .OrderBy(c => c.Key, StringComparer.Ordinal)];
    }

    private static LedgerEvent ToEvent(long id, (int Kind, int A, int B, int First, int Second, int Hour, int Fee) step)
    {
        var time = Origin.AddHours(step.Hour).AddSeconds(id);
        var first = Amount.Of(step.First / 10_000m, Coins[step.A]);
        var second = Amount.Of(step.Second / 10_000m, Coins[step.A == step.B ? (step.B + 1) % Coins.Length : step.B]);
        Amount? fee = step.Fee == 0 ? null : Amount.Of(step.Fee / 1_000m, Coins[step.Fee - 1]);
        return step.Kind switch
        {
            0 => new TradeEvent(id, time, first, second, fee),
            1 => new DepositEvent(id, time, first),
            _ => new WithdrawalEvent(id, time, first, fee),
        };
    }
}

using AllexPortal.Core.Assets;
using AllexPortal.Core.Tax;
using AllexPortal.Core.Tax.Events;
using CsCheck;

namespace AllexPortal.Core.Tests.Tax;

/// <summary>Invariants that hold for any history, checked on generated ones under every method.</summary>
public sealed class CostBasisPropertyTests
{
    private const int Iterations = 100;

    public static TheoryData<CostBasisMethod> Methods => new(Enum.GetValues<CostBasisMethod>());

    [Theory]
    [MemberData(nameof(Methods))]
    public void Gains_add_up_to_proceeds_less_cost(CostBasisMethod method)
    {
        ForEveryHistory(method, (events, report) =>
        {
            var rows = report.Disposals;
            Assert.Equal(rows.Sum(r => r.Proceeds) - rows.Sum(r => r.CostBasis), rows.Sum(r => r.Gain));
            Assert.Equal(rows.Sum(r => r.Gain), report.Totals.Gain);
            Assert.Equal(report.Totals.Gain, report.Totals.ShortTermGain + report.Totals.LongTermGain);
            Assert.Equal(report.Totals.Gain, report.TotalsByYear.Sum(y => y.Totals.Gain));
        });
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Lots_and_matched_quantities_never_go_negative(CostBasisMethod method)
    {
        ForEveryHistory(method, (events, report) =>
        {
            Assert.All(report.RemainingLots.Concat(report.LotsInTransit), lot => Assert.True(lot.Quantity > 0 && lot.CostBasis >= 0, lot.ToString()));
            Assert.All(report.Disposals, row => Assert.True(row.Quantity > 0 && row.CostBasis >= 0, row.ToString()));
        });
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Quantity_is_conserved_apart_from_reported_shortfalls(CostBasisMethod method)
    {
        ForEveryHistory(method, (events, report) =>
        {
            foreach (var coin in events.SelectMany(GeneratedHistories.Flows).Select(flow => flow.Asset).Distinct().Where(a => a != Asset.Usdt))
            {
                var net = events.SelectMany(GeneratedHistories.Flows).Where(f => f.Asset == coin).Sum(f => f.Quantity);
                var shortfall = report.Warnings.Where(w => w.Kind == TaxWarningKind.Oversold && w.Asset == coin).Sum(w => w.Quantity);
                var held = report.RemainingLots.Where(lot => lot.Asset == coin).Sum(lot => lot.Quantity);
                Assert.Equal(net + shortfall, held);
            }
        });
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Every_disposed_unit_appears_in_exactly_one_row(CostBasisMethod method)
    {
        ForEveryHistory(method, (events, report) =>
        {
            var disposed = events.SelectMany(Disposed).Where(a => a.Asset != Asset.Usdt)
                .GroupBy(a => a.Asset).ToDictionary(g => g.Key, g => g.Sum(a => a.Quantity));
            var reported = report.Disposals.GroupBy(r => r.Asset).ToDictionary(g => g.Key, g => g.Sum(r => r.Quantity));
            Assert.Equal(disposed.OrderBy(p => p.Key.Code), reported.OrderBy(p => p.Key.Code));
        });
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void The_report_does_not_depend_on_the_order_events_arrive_in(CostBasisMethod method)
    {
        GeneratedHistories.Any.SelectMany(events => Gen.Shuffle(events.ToArray()).Select(shuffled => (events, shuffled))).Sample((events, shuffled) =>
        {
            var expected = GeneratedHistories.Report(method, events);

            var actual = GeneratedHistories.Report(method, shuffled);

            Assert.Equal(expected.Disposals, actual.Disposals);
            Assert.Equal(expected.RemainingLots, actual.RemainingLots);
            Assert.Equal(expected.LotsInTransit, actual.LotsInTransit);
            Assert.Equal(expected.Warnings, actual.Warnings);
        }, iter: Iterations);
    }

    [Fact]
    public void Fifo_never_shows_a_lower_gain_than_lifo_when_prices_only_rise()
    {
        GeneratedHistories.RisingPrices.Sample(events =>
        {
            var fifo = GeneratedHistories.Report(CostBasisMethod.Fifo, events).Totals.Gain;

            var lifo = GeneratedHistories.Report(CostBasisMethod.Lifo, events).Totals.Gain;

            Assert.True(fifo >= lifo, $"FIFO {fifo} < LIFO {lifo}");
        }, iter: Iterations * 2);
    }

    /// <summary>Runs <paramref name="check"/> on generated histories and their reports under <paramref name="method"/>.</summary>
    private static void ForEveryHistory(CostBasisMethod method, Action<LedgerEvent[], TaxReport> check) =>
        GeneratedHistories.Any.Sample(events => check(events, GeneratedHistories.Report(method, events)), iter: Iterations);

    /// <summary>What the event disposes of: the sold leg and every fee not deducted from the bought leg.</summary>
    private static IEnumerable<Amount> Disposed(LedgerEvent ledgerEvent)
    {
        switch (ledgerEvent)
        {
            case TradeEvent trade:
                yield return trade.Sold;
                if (trade.Fee is { } fee && fee.Asset != trade.Bought.Asset)
                {
                    yield return fee;
                }

                break;
            case WithdrawalEvent { Fee: { } withdrawalFee }:
                yield return withdrawalFee;
                break;
        }
    }
}

using AllexPortal.Core.Assets;
using AllexPortal.Core.Tax;
using AllexPortal.Core.Tax.Events;
using AllexPortal.Core.Tax.Pricing;
using static AllexPortal.Core.Tests.Tax.History;

namespace AllexPortal.Core.Tests.Tax;

public sealed class TaxReportBuilderTests
{
    private static readonly LedgerEvent[] Events =
    [
        Buy(1, 0, 1m, "btc", 100m),
        Swap(2, 5, Fee(1m, "btc"), Fee(20m, "eth"), Fee(1m, "xht")),
        Sell(3, 6, 20m, "eth", 300m),
    ];

    [Fact]
    public async Task Prices_are_asked_for_once_in_one_batch_of_exactly_the_needed_hours()
    {
        var source = new RecordingPriceSource(Closes(("eth", 5, 10m), ("xht", 5, 2m)));

        await new TaxReportBuilder(source).BuildAsync(
            Events, new TaxReportOptions(CostBasisMethod.Fifo, TwoYears), TestContext.Current.CancellationToken);

        var batch = Assert.Single(source.Batches);
        var lastHour = new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero);
        Assert.Equal(
            [
                ("btc", Day(5)), ("btc", lastHour), ("eth", Day(5)), ("eth", lastHour), ("xht", Day(5)), ("xht", lastHour),
            ],
            batch.Select(k => (k.Asset.Code, k.HourStart)).OrderBy(k => k.Code).ThenBy(k => k.HourStart));
    }

    [Fact]
    public async Task The_built_report_values_swaps_and_third_coin_fees_with_the_resolved_closes()
    {
        var source = Closes(("eth", 5, 10m), ("xht", 5, 2m));

        var report = await new TaxReportBuilder(source).BuildAsync(
            Events, new TaxReportOptions(CostBasisMethod.Fifo, TwoYears), TestContext.Current.CancellationToken);

        // btc: 20 eth x 10 = 200 against 100; xht fee: 2 against no lots (oversold); eth: 300 against 200 + 2
        Assert.Equal(
            [(new Asset("btc"), 200m, 100m), (new Asset("xht"), 2m, 0m), (new Asset("eth"), 300m, 202m)],
            report.Disposals.Select(d => (d.Asset, d.Proceeds, d.CostBasis)));
    }

    private sealed class RecordingPriceSource(IHistoricalPriceSource inner) : IHistoricalPriceSource
    {
        public List<IReadOnlyCollection<PriceKey>> Batches { get; } = [];

        public ValueTask<IReadOnlyDictionary<PriceKey, decimal>> GetHourlyClosesAsync(
            IReadOnlyCollection<PriceKey> keys, CancellationToken cancellationToken)
        {
            Batches.Add(keys);
            return inner.GetHourlyClosesAsync(keys, cancellationToken);
        }
    }
}

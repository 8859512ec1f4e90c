using AllexPortal.Core.Tax;
using AllexPortal.Core.Tax.Events;
using AllexPortal.Core.Tax.Pricing;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace AllexPortal.Bench.Tax;

/// <summary>
/// The cost-basis engine over one million generated trades across ten coins, each method next to the reference
/// implementation (the baseline of its category, so the Ratio column reads engine time / reference time).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CostBasisBenchmarks
{
    private TradeEvent[] _trades = [];
    private ReportPeriod _period;

    [Params(1_000_000)]
    public int Trades { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _trades = GeneratedTrades.Create(Trades, coins: 10, seed: 7);
        _period = new ReportPeriod(GeneratedTrades.Start, GeneratedTrades.Start.AddYears(3));
        foreach (var method in new[] { CostBasisMethod.Fifo, CostBasisMethod.Hifo, CostBasisMethod.AverageCost })
        {
            var engine = Run(method).Totals.Gain;
            var reference = ReferenceCostBasis.Disposals(_trades, method).Sum(row => row.Gain);
            if (Math.Abs(engine - reference) > 0.0001m)
            {
                throw new InvalidOperationException($"{method}: engine gain {engine} differs from the reference {reference}.");
            }
        }
    }

    [Benchmark, BenchmarkCategory("FIFO")]
    public TaxReport Fifo() => Run(CostBasisMethod.Fifo);

    [Benchmark(Baseline = true), BenchmarkCategory("FIFO")]
    public List<ReferenceCostBasis.ReferenceDisposal> FifoReference() => ReferenceCostBasis.Disposals(_trades, CostBasisMethod.Fifo);

    [Benchmark, BenchmarkCategory("HIFO")]
    public TaxReport Hifo() => Run(CostBasisMethod.Hifo);

    [Benchmark(Baseline = true), BenchmarkCategory("HIFO")]
    public List<ReferenceCostBasis.ReferenceDisposal> HifoReference() => ReferenceCostBasis.Disposals(_trades, CostBasisMethod.Hifo);

    [Benchmark, BenchmarkCategory("AverageCost")]
    public TaxReport AverageCost() => Run(CostBasisMethod.AverageCost);

    [Benchmark(Baseline = true), BenchmarkCategory("AverageCost")]
    public List<ReferenceCostBasis.ReferenceDisposal> AverageCostReference() => ReferenceCostBasis.Disposals(_trades, CostBasisMethod.AverageCost);

    private TaxReport Run(CostBasisMethod method) =>
        CostBasisEngine.Run(_trades, new TaxReportOptions(method, _period), PriceTable.Empty);
}

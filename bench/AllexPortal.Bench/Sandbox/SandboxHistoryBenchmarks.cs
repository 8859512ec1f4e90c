using AllexPortal.Sandbox;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;

namespace AllexPortal.Bench.Sandbox;

/// <summary>
/// Start-up cost of a sandbox whose benchmark user holds a very large history (issue 4: "generation of
/// 1 M trades takes seconds, not minutes"). Measures the whole <see cref="SandboxExchange"/> construction:
/// markets, the demo user's two years and the large user's trades, deposits and balances.
/// </summary>
[MemoryDiagnoser]
public class SandboxHistoryBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Params(100_000, 1_000_000)]
    public int Trades { get; set; }

    [Benchmark]
    public int GenerateLargeUser()
    {
        var options = new SandboxOptions();
        options.Large.Enabled = true;
        options.Large.TradeCount = Trades;
        var exchange = new SandboxExchange(options, new FixedClock(Now), NullLogger<SandboxExchange>.Instance);
        return exchange.TradesOf(options.Large.Email).Count;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

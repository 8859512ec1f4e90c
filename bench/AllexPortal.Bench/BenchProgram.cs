using AllexPortal.Bench.Circuits;
using AllexPortal.Bench.History;
using BenchmarkDotNet.Running;

namespace AllexPortal.Bench;

/// <summary>Entry point: hands the command line to BenchmarkDotNet, or runs a named load scenario (see
/// docs/benchmarks.md for the commands).</summary>
public static class BenchProgram
{
    public static async Task Main(string[] args)
    {
        if (args is ["history-ledger", ..])
        {
            await HistoryLedgerScenario.RunAsync(args[1..]);
            return;
        }
        if (args is ["circuits", ..])
        {
            await CircuitLoadScenario.RunAsync(args[1..]);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
    }
}

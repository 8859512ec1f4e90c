using BenchmarkDotNet.Running;

namespace AllexPortal.Bench;

/// <summary>Entry point: hands the command line to BenchmarkDotNet (see docs/benchmarks.md for the commands).</summary>
public static class BenchProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
}

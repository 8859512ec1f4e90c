namespace AllexPortal.Sandbox.Markets;

/// <summary>Fee tiers (percent) by verification level, as <c>/tiers</c> publishes them.</summary>
internal static class FeeTiers
{
    public static IReadOnlyList<int> Levels { get; } = [1, 2];

    public static SandboxFeeStructure For(int level) =>
        level >= 2 ? new SandboxFeeStructure(0.08m, 0.16m) : new SandboxFeeStructure(0.1m, 0.2m);
}

namespace AllexPortal.Sandbox;

/// <summary>Maker and taker fees in percent (0.1 = 0.1%) that applied to an order.</summary>
public sealed record SandboxFeeStructure(decimal Maker, decimal Taker);

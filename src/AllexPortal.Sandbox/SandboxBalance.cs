namespace AllexPortal.Sandbox;

/// <summary>One coin of an account: <see cref="Available"/> is free, <see cref="Balance"/> includes funds held by open orders.</summary>
public sealed record SandboxBalance(string Coin, decimal Available, decimal Balance);

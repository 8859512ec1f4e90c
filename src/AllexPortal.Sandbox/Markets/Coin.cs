namespace AllexPortal.Sandbox.Markets;

/// <summary>A listed coin as <c>/constants</c> describes it.</summary>
internal sealed record Coin(
    int Id, string Symbol, string Fullname, decimal WithdrawalFee, decimal Min, decimal Max,
    decimal IncrementUnit, string Network, decimal StartPrice, double HourlyVolatility);

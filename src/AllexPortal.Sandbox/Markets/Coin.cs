namespace AllexPortal.Sandbox.Markets;

/// <summary>A listed coin as <c>/constants</c> describes it.</summary>
internal sealed record Coin(
    int Id, string Symbol, string Fullname, decimal WithdrawalFee, decimal Min, decimal Max,
    decimal IncrementUnit, string Network, decimal StartPrice, double HourlyVolatility)
{
    /// <summary>The networks the coin moves on (<see cref="Network"/> is their comma list).</summary>
    public IReadOnlyList<string> Networks => Network.Split(',');

    /// <summary>The network used when a request names none.</summary>
    public string DefaultNetwork => Networks[0];
}

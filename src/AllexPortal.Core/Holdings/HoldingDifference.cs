namespace AllexPortal.Core.Holdings;

/// <summary>
/// A coin whose amount rebuilt from the ledger (<see cref="Ledger"/>) differs from what the exchange reports now
/// (<see cref="Exchange"/>): history the exchange does not list, such as an airdrop or a transfer between users.
/// </summary>
public sealed record HoldingDifference(string Coin, decimal Ledger, decimal Exchange)
{
    /// <summary>What the exchange holds beyond the ledger (negative when the ledger counts more).</summary>
    public decimal Difference => Exchange - Ledger;
}

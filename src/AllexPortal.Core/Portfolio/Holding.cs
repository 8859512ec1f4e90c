namespace AllexPortal.Core.Portfolio;

/// <summary>
/// What an account holds of one coin: <see cref="Total"/> includes what open orders hold, <see cref="Available"/>
/// is free to spend. Several holdings of the same coin (one per connection) are summed by <see cref="PortfolioValuation"/>.
/// </summary>
public sealed record Holding(string Coin, decimal Available, decimal Total);

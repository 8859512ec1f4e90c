namespace AllexPortal.Exchange.Account;

/// <summary>
/// One coin of a balance. <see cref="Total"/> is the exchange's <c>&lt;coin&gt;_balance</c> (free plus held in
/// orders), <see cref="Available"/> its <c>&lt;coin&gt;_available</c>.
/// </summary>
public sealed record CoinBalance(string Coin, decimal Available, decimal Total, decimal? Pending = null)
{
    /// <summary>Held by open orders (and pending withdrawals): what is counted in the total but cannot be spent.</summary>
    public decimal InOrders => Total - Available;
}

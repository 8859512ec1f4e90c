using System.Text.Json.Serialization;
using AllexPortal.Exchange.Json;

namespace AllexPortal.Exchange.Account;

/// <summary>
/// A user's balances. The exchange sends one flat object with <c>&lt;coin&gt;_available</c> and
/// <c>&lt;coin&gt;_balance</c> keys; this groups them per coin so no caller builds key names by hand.
/// </summary>
[JsonConverter(typeof(BalancesConverter))]
public sealed record Balances
{
    public long? UserId { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Every coin the exchange reported, ordered by coin symbol.</summary>
    public IReadOnlyList<CoinBalance> Coins { get; init; } = [];

    /// <summary>The balance of <paramref name="coin"/>, or a zero balance when the exchange did not list it.</summary>
    public CoinBalance this[string coin] =>
        Coins.FirstOrDefault(balance => string.Equals(balance.Coin, coin, StringComparison.OrdinalIgnoreCase))
        ?? new CoinBalance(coin.ToLowerInvariant(), 0m, 0m);
}

using AllexPortal.Exchange.Market;

namespace AllexPortal.Web.Trading;

/// <summary>
/// What the exchange allows for one coin's deposits and withdrawals, from <c>/constants</c>: its networks, limits
/// and withdrawal fee per network (a fee may be charged in another coin, e.g. usdt on eth paid in eth).
/// </summary>
public sealed record CoinRules(
    string Symbol,
    string Name,
    IReadOnlyList<string> Networks,
    bool AllowDeposit,
    bool AllowWithdrawal,
    decimal? Min,
    decimal? Max,
    decimal? Increment,
    decimal? WithdrawalFee,
    IReadOnlyDictionary<string, NetworkFee> NetworkFees)
{
    /// <summary>The rules of a coin as <c>/constants</c> lists it.</summary>
    public static CoinRules From(string key, CoinInfo coin)
    {
        ArgumentNullException.ThrowIfNull(coin);
        var symbol = (string.IsNullOrWhiteSpace(coin.Symbol) ? key : coin.Symbol).ToLowerInvariant();
        var networks = (coin.Network ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToLowerInvariant()).ToList();
        var fees = coin.WithdrawalFees?.ToDictionary(f => f.Key.ToLowerInvariant(), f => f.Value, StringComparer.Ordinal)
            ?? new Dictionary<string, NetworkFee>(StringComparer.Ordinal);
        return new CoinRules(symbol, string.IsNullOrWhiteSpace(coin.Fullname) ? symbol.ToUpperInvariant() : coin.Fullname,
            networks.Count == 0 ? [symbol] : networks, coin.AllowDeposit, coin.AllowWithdrawal, coin.Min, coin.Max,
            coin.IncrementUnit, coin.WithdrawalFee, fees);
    }

    /// <summary>The fee of a withdrawal on <paramref name="network"/> and the coin it is charged in, when the exchange says.</summary>
    public (decimal Amount, string Coin)? FeeOn(string network) =>
        NetworkFees.TryGetValue(network, out var fee)
            ? (fee.Value, string.IsNullOrWhiteSpace(fee.Symbol) ? Symbol : fee.Symbol.ToLowerInvariant())
            : WithdrawalFee is { } flat ? (flat, Symbol) : null;
}

using AllexPortal.Exchange.Market;

namespace AllexPortal.Web.Trading;

/// <summary>
/// What the exchange accepts for orders on one pair, from <c>/constants</c>. A missing bound is null and is not
/// checked; the exchange remains the final judge.
/// </summary>
public sealed record PairRules(
    string Symbol,
    string Base,
    string Quote,
    decimal? MinSize,
    decimal? MaxSize,
    decimal? MinPrice,
    decimal? MaxPrice,
    decimal? IncrementSize,
    decimal? IncrementPrice)
{
    /// <summary>The rules of a pair as <c>/constants</c> lists it.</summary>
    public static PairRules From(string key, PairInfo pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var symbol = (string.IsNullOrWhiteSpace(pair.Name) ? key : pair.Name).ToLowerInvariant();
        var parts = symbol.Split('-', 2);
        var @base = string.IsNullOrWhiteSpace(pair.PairBase) ? parts[0] : pair.PairBase.ToLowerInvariant();
        var quote = string.IsNullOrWhiteSpace(pair.Pair2) ? parts.ElementAtOrDefault(1) ?? "" : pair.Pair2.ToLowerInvariant();
        return new PairRules(symbol, @base, quote, pair.MinSize, pair.MaxSize, pair.MinPrice, pair.MaxPrice, pair.IncrementSize, pair.IncrementPrice);
    }
}

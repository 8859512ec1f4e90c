namespace AllexPortal.Web.Prices;

/// <summary>
/// How to price one asset in a currency from an exchange's pairs: the direct pair <c>asset-currency</c>, else its
/// inverse <c>currency-asset</c>, else through usdt (<c>asset-usdt</c> × <c>usdt-currency</c>, each leg direct or
/// inverted). The product of the legs' prices at one instant is the asset's price in the currency.
/// </summary>
public static class PriceRoute
{
    /// <summary>The coin every listed asset is expected to trade against.</summary>
    public const string Bridge = "usdt";

    /// <summary>
    /// The legs pricing <paramref name="asset"/> in <paramref name="currency"/> among <paramref name="pairs"/>: empty when
    /// asset and currency are the same (the price is 1), null when no route exists.
    /// </summary>
    public static IReadOnlyList<PriceLeg>? Find(string asset, string currency, IReadOnlySet<string> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        asset = asset.ToLowerInvariant();
        currency = currency.ToLowerInvariant();
        if (asset == currency)
        {
            return [];
        }

        if (Direct(asset, currency, pairs) is { } direct)
        {
            return [direct];
        }

        if (asset == Bridge || currency == Bridge)
        {
            return null;
        }

        return Direct(asset, Bridge, pairs) is { } first && Direct(Bridge, currency, pairs) is { } second ? [first, second] : null;
    }

    private static PriceLeg? Direct(string asset, string currency, IReadOnlySet<string> pairs) =>
        pairs.Contains($"{asset}-{currency}") ? new PriceLeg($"{asset}-{currency}", false)
        : pairs.Contains($"{currency}-{asset}") ? new PriceLeg($"{currency}-{asset}", true)
        : null;
}

using System.Text.Json.Serialization;
using AllexPortal.Exchange.Json;

namespace AllexPortal.Exchange.Market;

/// <summary>
/// Oracle valuation of <c>GET /oracle/prices</c>, asset to price in the quote coin. The exchange marks
/// "no price" with <c>-1</c>; <see cref="TryGetPrice"/> hides every non-positive value so nothing is valued at it.
/// </summary>
[JsonConverter(typeof(OraclePricesConverter))]
public sealed record OraclePrices(IReadOnlyDictionary<string, decimal> Raw)
{
    /// <summary>The price of <paramref name="asset"/>, or false when the exchange has none.</summary>
    public bool TryGetPrice(string asset, out decimal price)
    {
        if (Raw.TryGetValue(asset, out price) && price > 0m)
        {
            return true;
        }

        price = 0m;
        return false;
    }
}

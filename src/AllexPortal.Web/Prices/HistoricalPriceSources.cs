using AllexPortal.Core.Tax.Pricing;
using AllexPortal.Web.Portfolio;

namespace AllexPortal.Web.Prices;

/// <summary>Hands out the <see cref="IHistoricalPriceSource"/> of an exchange (a connection's base URL), backed by the shared candle cache.</summary>
public sealed class HistoricalPriceSources(CandleStore candles, MarketData market)
{
    /// <summary>Hourly closes of <paramref name="exchange"/> (base URL without <c>/v2</c>).</summary>
    public ExchangeHistoricalPriceSource For(Uri exchange) => new(candles, market, exchange);
}

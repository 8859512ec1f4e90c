namespace AllexPortal.Web.Prices;

/// <summary>
/// A close from the exchange's <c>GET /chart</c>, cached locally so history and reports never refetch it.
/// Candles are public data, shared by every user of the same exchange.
/// </summary>
public sealed class CachedCandle
{
    public long Id { get; set; }

    /// <summary>The exchange's base URL (normalised, without <c>/v2</c>).</summary>
    public required string Exchange { get; set; }

    /// <summary>The pair, e.g. <c>btc-usdt</c>.</summary>
    public required string Symbol { get; set; }

    public CandleResolution Resolution { get; set; }

    /// <summary>The candle's opening instant (UTC).</summary>
    public DateTimeOffset OpenTime { get; set; }

    public decimal Close { get; set; }
}

using System.Text.Json;

namespace AllexPortal.Exchange.Market;

/// <summary>
/// Answer of <c>GET /constants</c>: the coins and pairs every other call refers to. The free-form parts
/// (broker, quick-trade routes, the seed's <c>config</c>) stay as JSON because their shape varies per exchange.
/// </summary>
public sealed record ExchangeConstants
{
    public IReadOnlyDictionary<string, CoinInfo> Coins { get; init; } = new Dictionary<string, CoinInfo>();
    public IReadOnlyDictionary<string, PairInfo> Pairs { get; init; } = new Dictionary<string, PairInfo>();
    public string? Network { get; init; }
    public JsonElement? Broker { get; init; }
    public JsonElement? Quicktrade { get; init; }
    public JsonElement? TransactionLimits { get; init; }
    public JsonElement? Config { get; init; }
}

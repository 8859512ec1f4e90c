using System.Text.Json;
using System.Text.Json.Serialization;

namespace AllexPortal.Exchange.Market;

/// <summary>TradingView configuration of <c>GET /udf/config</c>; read the resolutions the exchange accepts from it.</summary>
public sealed record ChartConfiguration
{
    public IReadOnlyList<string> SupportedResolutions { get; init; } = [];

    /// <summary>Everything else the exchange reports (exchanges, symbol types, ...).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Other { get; set; }
}

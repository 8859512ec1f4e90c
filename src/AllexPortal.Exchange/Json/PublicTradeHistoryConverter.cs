using System.Text.Json;
using System.Text.Json.Serialization;
using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Paging;

namespace AllexPortal.Exchange.Json;

/// <summary>
/// <c>GET /trades/history</c> is documented both as <c>{count, data}</c> and as trades grouped by pair;
/// both read into one page, a grouped answer counting as a single complete page.
/// </summary>
public sealed class PublicTradeHistoryConverter : JsonConverter<Paged<PublicTrade>>
{
    /// <inheritdoc />
    public override Paged<PublicTrade> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var tradeInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<PublicTrade>)options.GetTypeInfo(typeof(PublicTrade));
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("Trade history must be a JSON object.");
        }

        if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
        {
            var trades = data.EnumerateArray().Select(item => item.Deserialize(tradeInfo)!).ToList();
            var count = JsonElementReading.Integer(root, "count") ?? trades.Count;
            return new Paged<PublicTrade> { Count = (int)count, Data = trades };
        }

        var grouped = root.EnumerateObject()
            .Where(pair => pair.Value.ValueKind == JsonValueKind.Array)
            .SelectMany(pair => pair.Value.EnumerateArray().Select(item => item.Deserialize(tradeInfo)! with { Symbol = pair.Name }))
            .ToList();
        return new Paged<PublicTrade> { Count = grouped.Count, Data = grouped };
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Paged<PublicTrade> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var tradeInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<PublicTrade>)options.GetTypeInfo(typeof(PublicTrade));
        writer.WriteStartObject();
        writer.WriteNumber("count", value.Count);
        writer.WriteStartArray("data");
        foreach (var trade in value.Data)
        {
            JsonSerializer.Serialize(writer, trade, tradeInfo);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}

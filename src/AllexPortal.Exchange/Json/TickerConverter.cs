using System.Text.Json;
using System.Text.Json.Serialization;
using AllexPortal.Exchange.Market;

namespace AllexPortal.Exchange.Json;

/// <summary>Reads a ticker flat or wrapped by its symbol; writes the flat form the Kit source sends.</summary>
public sealed class TickerConverter : JsonConverter<Ticker>
{
    private static readonly ExchangeDecimalConverter Amount = new();

    /// <inheritdoc />
    public override Ticker Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A ticker must be a JSON object.");
        }

        var properties = root.EnumerateObject().ToList();
        if (properties.Count == 1 && properties[0].Value.ValueKind == JsonValueKind.Object)
        {
            return FromFlat(properties[0].Value) with { Symbol = properties[0].Name };
        }

        return FromFlat(root);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Ticker value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        if (value.Symbol is not null)
        {
            writer.WriteString("symbol", value.Symbol);
        }

        if (value.Time is { } time)
        {
            writer.WriteString("time", time.UtcDateTime);
        }

        WriteAmount(writer, "open", value.Open, options);
        WriteAmount(writer, "high", value.High, options);
        WriteAmount(writer, "low", value.Low, options);
        WriteAmount(writer, "close", value.Close, options);
        WriteAmount(writer, "last", value.Last, options);
        WriteAmount(writer, "volume", value.Volume, options);
        writer.WriteEndObject();
    }

    private static Ticker FromFlat(JsonElement element) => new()
    {
        Symbol = JsonElementReading.String(element, "symbol"),
        Time = JsonElementReading.Time(element, "time", "timestamp"),
        Open = JsonElementReading.Decimal(element, "open"),
        High = JsonElementReading.Decimal(element, "high"),
        Low = JsonElementReading.Decimal(element, "low"),
        Close = JsonElementReading.Decimal(element, "close"),
        Last = JsonElementReading.Decimal(element, "last"),
        Volume = JsonElementReading.Decimal(element, "volume"),
    };

    private static void WriteAmount(Utf8JsonWriter writer, string name, decimal? value, JsonSerializerOptions options)
    {
        if (value is { } amount)
        {
            writer.WritePropertyName(name);
            Amount.Write(writer, amount, options);
        }
    }
}

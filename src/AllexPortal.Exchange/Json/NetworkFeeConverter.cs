using System.Text.Json;
using System.Text.Json.Serialization;
using AllexPortal.Exchange.Market;

namespace AllexPortal.Exchange.Json;

/// <summary>Reads both fee shapes seen in HollaEx releases: a bare number or <c>{value, symbol}</c>.</summary>
public sealed class NetworkFeeConverter : JsonConverter<NetworkFee>
{
    private static readonly ExchangeDecimalConverter Amount = new();

    /// <inheritdoc />
    public override NetworkFee Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return new NetworkFee(Amount.Read(ref reader, typeof(decimal), options), null);
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        return new NetworkFee(
            JsonElementReading.Decimal(root, "value") ?? 0m,
            JsonElementReading.String(root, "symbol"));
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, NetworkFee value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WritePropertyName("value");
        Amount.Write(writer, value.Value, options);
        if (value.Symbol is not null)
        {
            writer.WriteString("symbol", value.Symbol);
        }

        writer.WriteEndObject();
    }
}

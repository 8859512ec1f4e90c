using System.Text.Json;
using System.Text.Json.Serialization;
using AllexPortal.Exchange.Market;

namespace AllexPortal.Exchange.Json;

/// <summary>Reads the flat <c>{asset: price}</c> map of the oracle into <see cref="OraclePrices"/>.</summary>
public sealed class OraclePricesConverter : JsonConverter<OraclePrices>
{
    private static readonly ExchangeDecimalConverter Amount = new();

    /// <inheritdoc />
    public override OraclePrices Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Oracle prices must be a JSON object.");
        }

        var prices = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var asset = reader.GetString()!;
            reader.Read();
            if (reader.TokenType is JsonTokenType.Number or JsonTokenType.String)
            {
                prices[asset] = Amount.Read(ref reader, typeof(decimal), options);
            }
            else
            {
                reader.Skip();
            }
        }

        return new OraclePrices(prices);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, OraclePrices value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach (var (asset, price) in value.Raw)
        {
            writer.WritePropertyName(asset);
            Amount.Write(writer, price, options);
        }

        writer.WriteEndObject();
    }
}

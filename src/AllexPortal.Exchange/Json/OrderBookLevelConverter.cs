using System.Text.Json;
using System.Text.Json.Serialization;
using AllexPortal.Exchange.Market;

namespace AllexPortal.Exchange.Json;

/// <summary>Maps the exchange's <c>[price, size]</c> arrays to <see cref="OrderBookLevel"/>.</summary>
public sealed class OrderBookLevelConverter : JsonConverter<OrderBookLevel>
{
    private static readonly ExchangeDecimalConverter Amount = new();

    /// <inheritdoc />
    public override OrderBookLevel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray || !reader.Read())
        {
            throw new JsonException("An order book level must be an array [price, size].");
        }

        var price = Amount.Read(ref reader, typeof(decimal), options);
        if (!reader.Read())
        {
            throw new JsonException("An order book level must be an array [price, size].");
        }

        var size = Amount.Read(ref reader, typeof(decimal), options);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            reader.Skip();
        }

        return new OrderBookLevel(price, size);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, OrderBookLevel value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        Amount.Write(writer, value.Price, options);
        Amount.Write(writer, value.Size, options);
        writer.WriteEndArray();
    }
}

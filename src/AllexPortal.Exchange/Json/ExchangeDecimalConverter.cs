using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AllexPortal.Exchange.Json;

/// <summary>
/// Reads exchange amounts into <see cref="decimal"/> whether they arrive as JSON numbers (including the
/// exponent form <c>1e-7</c>) or as numeric strings (minicharts prices, quick-trade amounts), and writes
/// them in JavaScript's canonical number form so a signed body survives the server's re-serialisation.
/// </summary>
public sealed class ExchangeDecimalConverter : JsonConverter<decimal>
{
    /// <inheritdoc />
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetDecimal(out var number) ? number : Parse(RawText(ref reader));
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            return Parse(reader.GetString() ?? string.Empty);
        }

        throw new JsonException($"Expected a number but found {reader.TokenType}.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(JavaScriptNumberFormat.Format(value), skipInputValidation: true);
    }

    private static string RawText(ref Utf8JsonReader reader) =>
        reader.HasValueSequence
            ? Encoding.UTF8.GetString(reader.ValueSequence.ToArray())
            : Encoding.UTF8.GetString(reader.ValueSpan);

    private static decimal Parse(string text) =>
        decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a number the exchange is expected to send.");
}

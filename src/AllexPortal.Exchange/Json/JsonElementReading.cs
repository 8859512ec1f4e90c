using System.Globalization;
using System.Text.Json;

namespace AllexPortal.Exchange.Json;

/// <summary>
/// Tolerant look-ups on a parsed element, for the few payloads whose shape differs between the seed and the
/// Kit source: a missing or null field reads as null, numbers may arrive as strings.
/// </summary>
internal static class JsonElementReading
{
    public static JsonElement? Property(JsonElement element, params string[] names)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in names)
        {
            if (element.TryGetProperty(name, out var value) && value.ValueKind is not JsonValueKind.Null and not JsonValueKind.Undefined)
            {
                return value;
            }
        }

        return null;
    }

    public static string? String(JsonElement element, params string[] names) =>
        Property(element, names) is { } value
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    public static decimal? Decimal(JsonElement element, params string[] names)
    {
        if (Property(element, names) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new JsonException($"Field '{names[0]}' is not a number: {text}");
    }

    public static bool? Boolean(JsonElement element, params string[] names) =>
        Property(element, names) is { } value
            ? value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.String => bool.TryParse(value.GetString(), out var parsed) ? parsed : null,
                _ => null,
            }
            : null;

    public static long? Integer(JsonElement element, params string[] names) =>
        Property(element, names) is { } value && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : null;

    public static DateTimeOffset? Time(JsonElement element, params string[] names) =>
        Property(element, names) is { ValueKind: JsonValueKind.String } value
        && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;

    public static IReadOnlyList<string> Strings(JsonElement element, params string[] names) =>
        Property(element, names) is { ValueKind: JsonValueKind.Array } value
            ? [.. value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!)]
            : [];
}

using System.Text.Json;
using System.Text.Json.Serialization;
using AllexPortal.Exchange.Security;

namespace AllexPortal.Exchange.Json;

/// <summary>Reads the key list as a bare array (seed) or <c>{count, data}</c> (Kit 2.17.4); writes the latter.</summary>
public sealed class ApiKeyListConverter : JsonConverter<ApiKeyList>
{
    private static readonly ApiKeyInfoConverter Item = new();

    /// <inheritdoc />
    public override ApiKeyList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var items = root.ValueKind switch
        {
            JsonValueKind.Array => root,
            JsonValueKind.Object when JsonElementReading.Property(root, "data") is { ValueKind: JsonValueKind.Array } data => data,
            _ => throw new JsonException("The API key list must be an array or {count, data}."),
        };
        return new ApiKeyList([.. items.EnumerateArray().Select(ApiKeyInfoConverter.FromElement)]);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ApiKeyList value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteNumber("count", value.Keys.Count);
        writer.WriteStartArray("data");
        foreach (var key in value.Keys)
        {
            Item.Write(writer, key, options);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}

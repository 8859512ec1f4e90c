using System.Text.Json;
using System.Text.Json.Serialization;
using AllexPortal.Exchange.Security;

namespace AllexPortal.Exchange.Json;

/// <summary>Reads the creation answer (<c>key</c> or <c>apiKey</c>, full <c>secret</c>) into key info plus credentials.</summary>
public sealed class CreatedApiKeyConverter : JsonConverter<CreatedApiKey>
{
    private static readonly ApiKeyInfoConverter Item = new();

    /// <inheritdoc />
    public override CreatedApiKey Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var key = ApiKeyInfoConverter.FromElement(document.RootElement);
        var secret = JsonElementReading.String(document.RootElement, "secret")
            ?? throw new JsonException("The exchange did not return the new key's secret.");
        return new CreatedApiKey(key, new ApiKeyCredentials(key.ApiKey, secret));
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, CreatedApiKey value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        using var buffer = new MemoryStream();
        using (var inner = new Utf8JsonWriter(buffer))
        {
            Item.Write(inner, value.Key, options);
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        writer.WriteStartObject();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.NameEquals("apiKey"))
            {
                writer.WriteString("key", value.Credentials.ApiKey);
                writer.WriteString("secret", value.Credentials.ApiSecret);
            }
            else
            {
                property.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }
}

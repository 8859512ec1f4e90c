using System.Text.Json;
using System.Text.Json.Serialization;
using AllexPortal.Exchange.Security;

namespace AllexPortal.Exchange.Json;

/// <summary>
/// Reads an API key in either documented shape: the seed's <c>apiKey</c> + nested <c>permissions</c>, or the
/// Kit's flat <c>can_read/can_trade/can_withdraw</c> (and <c>key</c> instead of <c>apiKey</c> on creation).
/// Writes the Kit's list shape.
/// </summary>
public sealed class ApiKeyInfoConverter : JsonConverter<ApiKeyInfo>
{
    /// <inheritdoc />
    public override ApiKeyInfo Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return FromElement(document.RootElement);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ApiKeyInfo value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteNumber("id", value.Id);
        writer.WriteString("name", value.Name);
        writer.WriteString("apiKey", value.ApiKey);
        writer.WriteBoolean("active", value.Active);
        writer.WriteBoolean("revoked", value.Revoked);
        writer.WriteBoolean("can_read", value.Permissions.CanRead);
        writer.WriteBoolean("can_trade", value.Permissions.CanTrade);
        writer.WriteBoolean("can_withdraw", value.Permissions.CanWithdraw);
        writer.WriteStartArray("whitelisted_ips");
        foreach (var ip in value.WhitelistedIps)
        {
            writer.WriteStringValue(ip);
        }

        writer.WriteEndArray();
        writer.WriteBoolean("whitelisting_enabled", value.WhitelistingEnabled);
        if (value.Role is not null)
        {
            writer.WriteString("role", value.Role);
        }

        if (value.Expiry is { } expiry)
        {
            writer.WriteString("expiry", expiry.UtcDateTime);
        }

        if (value.Created is { } created)
        {
            writer.WriteString("created", created.UtcDateTime);
        }

        writer.WriteEndObject();
    }

    internal static ApiKeyInfo FromElement(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("An API key must be a JSON object.");
        }

        var nested = JsonElementReading.Property(element, "permissions");
        var source = nested is { ValueKind: JsonValueKind.Object } permissions ? permissions : element;
        return new ApiKeyInfo
        {
            Id = JsonElementReading.Integer(element, "id") ?? 0,
            Name = JsonElementReading.String(element, "name") ?? string.Empty,
            ApiKey = JsonElementReading.String(element, "apiKey", "api_key", "key") ?? string.Empty,
            Active = JsonElementReading.Boolean(element, "active") ?? true,
            Revoked = JsonElementReading.Boolean(element, "revoked") ?? false,
            Permissions = new ApiKeyPermissions(
                JsonElementReading.Boolean(source, "can_read") ?? false,
                JsonElementReading.Boolean(source, "can_trade") ?? false,
                JsonElementReading.Boolean(source, "can_withdraw") ?? false),
            WhitelistedIps = JsonElementReading.Strings(element, "whitelisted_ips"),
            WhitelistingEnabled = JsonElementReading.Boolean(element, "whitelisting_enabled") ?? false,
            Role = JsonElementReading.String(element, "role"),
            Expiry = JsonElementReading.Time(element, "expiry"),
            Created = JsonElementReading.Time(element, "created", "created_at"),
        };
    }
}

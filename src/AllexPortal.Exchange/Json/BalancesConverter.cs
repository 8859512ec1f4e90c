using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AllexPortal.Exchange.Account;

namespace AllexPortal.Exchange.Json;

/// <summary>Groups the flat <c>&lt;coin&gt;_available/_balance/_pending</c> keys into <see cref="CoinBalance"/> rows.</summary>
public sealed class BalancesConverter : JsonConverter<Balances>
{
    private const string AvailableSuffix = "_available";
    private const string TotalSuffix = "_balance";
    private const string PendingSuffix = "_pending";
    private static readonly ExchangeDecimalConverter Amount = new();

    /// <inheritdoc />
    public override Balances Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A balance must be a JSON object.");
        }

        var available = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var total = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var pending = new Dictionary<string, decimal>(StringComparer.Ordinal);
        long? userId = null;
        DateTimeOffset? updatedAt = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (name == "user_id" && reader.TokenType == JsonTokenType.Number)
            {
                userId = reader.GetInt64();
            }
            else if (name == "updated_at" && reader.TokenType == JsonTokenType.String)
            {
                updatedAt = DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            }
            else if (reader.TokenType is JsonTokenType.Number or JsonTokenType.String && CoinOf(name) is var (coin, target))
            {
                (target switch { AvailableSuffix => available, TotalSuffix => total, _ => pending })[coin] =
                    Amount.Read(ref reader, typeof(decimal), options);
            }
            else
            {
                reader.Skip();
            }
        }

        var coins = available.Keys.Union(total.Keys).Order(StringComparer.Ordinal)
            .Select(coin => new CoinBalance(
                coin,
                available.GetValueOrDefault(coin),
                total.GetValueOrDefault(coin),
                pending.TryGetValue(coin, out var held) ? held : null))
            .ToList();
        return new Balances { UserId = userId, UpdatedAt = updatedAt, Coins = coins };
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Balances value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        if (value.UserId is { } userId)
        {
            writer.WriteNumber("user_id", userId);
        }

        foreach (var coin in value.Coins)
        {
            writer.WritePropertyName(coin.Coin + TotalSuffix);
            Amount.Write(writer, coin.Total, options);
            writer.WritePropertyName(coin.Coin + AvailableSuffix);
            Amount.Write(writer, coin.Available, options);
            if (coin.Pending is { } held)
            {
                writer.WritePropertyName(coin.Coin + PendingSuffix);
                Amount.Write(writer, held, options);
            }
        }

        if (value.UpdatedAt is { } updatedAt)
        {
            writer.WriteString("updated_at", updatedAt.UtcDateTime);
        }

        writer.WriteEndObject();
    }

    private static (string Coin, string Suffix)? CoinOf(string name)
    {
        foreach (var suffix in (string[])[AvailableSuffix, TotalSuffix, PendingSuffix])
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return (name[..^suffix.Length], suffix);
            }
        }

        return null;
    }
}

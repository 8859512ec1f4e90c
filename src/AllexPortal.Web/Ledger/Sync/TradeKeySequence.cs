using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AllexPortal.Exchange.Account;

namespace AllexPortal.Web.Ledger.Sync;

/// <summary>
/// Gives fills, which the exchange leaves without an id, their <see cref="LedgerTrade.Key"/>: a hash of everything
/// the exchange says about the fill, then <c>#n</c>, its occurrence among identical fills. Identical fills share
/// their timestamp, so they are consecutive in a time-ordered read and all of them lie inside any window that
/// starts at or before that timestamp; a re-read numbers them the same, which makes it an upsert. One sequence
/// numbers one read, in the order the rows arrive (across its pages).
/// </summary>
internal sealed class TradeKeySequence
{
    private readonly Dictionary<string, int> seenAtInstant = new(StringComparer.Ordinal);
    private DateTimeOffset instant = DateTimeOffset.MinValue;

    /// <summary>The key of the next fill read.</summary>
    public string Next(UserTrade trade)
    {
        if (trade.Timestamp != instant)
        {
            instant = trade.Timestamp;
            seenAtInstant.Clear();
        }

        var content = ContentHash(trade);
        var occurrence = seenAtInstant.TryGetValue(content, out var before) ? before + 1 : 1;
        seenAtInstant[content] = occurrence;
        return $"{content}#{occurrence.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>128 bits of SHA-256 over the fill's fields in a fixed, culture-free spelling (decimals without
    /// trailing zeros, the time in UTC ticks), so the same fill always hashes the same.</summary>
    internal static string ContentHash(UserTrade trade)
    {
        var text = string.Join('\u001f',
            trade.Symbol,
            trade.Side.ToString(),
            Normal(trade.Size),
            Normal(trade.Price),
            trade.Timestamp.UtcTicks.ToString(CultureInfo.InvariantCulture),
            trade.OrderId ?? string.Empty,
            Normal(trade.Fee ?? 0m),
            trade.FeeCoin ?? string.Empty);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    private static string Normal(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}

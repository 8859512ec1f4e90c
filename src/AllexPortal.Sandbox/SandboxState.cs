using System.Security.Cryptography;
using System.Text;
using AllexPortal.Sandbox.Accounts;
using AllexPortal.Sandbox.Keys;
using AllexPortal.Sandbox.Markets;
using AllexPortal.Sandbox.Trading;

namespace AllexPortal.Sandbox;

/// <summary>All mutable data of one sandbox run. Every access goes through <see cref="Gate"/>: the
/// sandbox is a test double, so one lock is simpler and safer than fine-grained concurrency.</summary>
internal sealed class SandboxState
{
    private const int RecentTradesKept = 200;
    private int _nextUserId = 1;
    private int _nextKeyId = 1;
    private int _nextTransferId = 1;

    public SandboxState(MarketCatalog catalog, PricePath prices, int seed)
    {
        Catalog = catalog;
        Prices = prices;
        Ids = new Random(unchecked(seed * 7919 + 17));
        Books = [.. catalog.Pairs.Select(_ => new List<Order>())];
        RecentTrades = [.. catalog.Pairs.Select(_ => new List<PublicTrade>())];
        FeesCollected = new decimal[catalog.Coins.Count];
    }

    public Lock Gate { get; } = new();

    public MarketCatalog Catalog { get; }

    public PricePath Prices { get; }

    /// <summary>Seeded source of identifiers, so a run's ids repeat with its seed.</summary>
    public Random Ids { get; }

    public List<SandboxUser> Users { get; } = [];

    public List<ApiKey> Keys { get; } = [];

    /// <summary>Resting limit orders per pair (index = <see cref="Pair.Index"/>).</summary>
    public List<Order>[] Books { get; }

    public List<Order> PendingStops { get; } = [];

    /// <summary>Real (non-synthetic) trades per pair, newest last.</summary>
    public List<PublicTrade>[] RecentTrades { get; }

    public decimal[] FeesCollected { get; }

    public Dictionary<string, QuickQuote> Quotes { get; } = new(StringComparer.Ordinal);

    public Dictionary<int, SandboxUser> UsersById { get; } = [];

    public int CoinIndex(string symbol) =>
        (Catalog.FindCoin(symbol) ?? throw new ArgumentException($"Unknown coin {symbol}", nameof(symbol))).Id - 1;

    public SandboxUser? FindUser(string email) =>
        Users.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));

    public SandboxUser AddUser(string email, string password, DateTimeOffset createdAt, bool isHouse = false)
    {
        var user = new SandboxUser
        {
            Id = isHouse ? 0 : _nextUserId++,
            Email = email,
            PasswordHash = HashPassword(password),
            CreatedAt = createdAt,
            IsHouse = isHouse,
            Available = new decimal[Catalog.Coins.Count],
            Held = new decimal[Catalog.Coins.Count],
            BalanceUpdatedAt = createdAt,
        };
        Users.Add(user);
        UsersById[user.Id] = user;
        return user;
    }

    public ApiKey AddKey(SandboxUser user, string name, string key, string secret, DateTimeOffset now)
    {
        var apiKey = new ApiKey
        {
            Id = _nextKeyId++,
            UserId = user.Id,
            Name = name,
            Key = key,
            Secret = secret,
            Expiry = now.AddYears(5),
            CreatedAt = now,
            UpdatedAt = now,
        };
        Keys.Add(apiKey);
        return apiKey;
    }

    public int NextTransferId() => _nextTransferId++;

    public Guid NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        Ids.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public string NewHex(int bytes)
    {
        var buffer = new byte[bytes];
        Ids.NextBytes(buffer);
        return Convert.ToHexStringLower(buffer);
    }

    public void RecordPublicTrade(Pair pair, PublicTrade trade)
    {
        var list = RecentTrades[pair.Index];
        list.Add(trade);
        if (list.Count > RecentTradesKept)
        {
            list.RemoveAt(0);
        }
    }

    public static byte[] HashPassword(string password) => SHA256.HashData(Encoding.UTF8.GetBytes("allex-sandbox:" + password));
}

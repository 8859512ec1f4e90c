namespace AllexPortal.Sandbox.Markets;

/// <summary>The coins and pairs the sandbox lists. Immutable; shared by every run.</summary>
internal sealed class MarketCatalog
{
    public IReadOnlyList<Coin> Coins { get; }

    public IReadOnlyList<Pair> Pairs { get; }

    public MarketCatalog()
    {
        Coins =
        [
            new Coin(1, "usdt", "Tether", 1m, 1m, 10_000_000m, 0.0001m, "eth,trx", 1m, 0),
            new Coin(2, "btc", "Bitcoin", 0.0002m, 0.0001m, 100m, 0.00000001m, "btc", 42_000m, 0.0065),
            new Coin(3, "eth", "Ethereum", 0.002m, 0.001m, 10_000m, 0.000001m, "eth", 2_300m, 0.008),
            new Coin(4, "sol", "Solana", 0.01m, 0.01m, 100_000m, 0.0001m, "sol", 95m, 0.011),
            new Coin(5, "xrp", "XRP", 0.25m, 1m, 10_000_000m, 0.000001m, "xrp", 0.6m, 0.009),
            new Coin(6, "trx", "TRON", 1m, 1m, 100_000_000m, 0.000001m, "trx", 0.1m, 0.007),
        ];
        Pairs =
        [
            new Pair(0, 1, "btc-usdt", "btc", "usdt", 1, 0, 0.0001m, 100m, 1m, 10_000_000m, 0.0001m, 0.1m),
            new Pair(1, 2, "eth-usdt", "eth", "usdt", 2, 0, 0.001m, 10_000m, 0.1m, 1_000_000m, 0.001m, 0.01m),
            new Pair(2, 3, "sol-usdt", "sol", "usdt", 3, 0, 0.01m, 100_000m, 0.01m, 100_000m, 0.01m, 0.001m),
            new Pair(3, 4, "xrp-usdt", "xrp", "usdt", 4, 0, 1m, 10_000_000m, 0.0001m, 1_000m, 1m, 0.0001m),
            new Pair(4, 5, "trx-usdt", "trx", "usdt", 5, 0, 1m, 100_000_000m, 0.00001m, 100m, 1m, 0.00001m),
            new Pair(5, 6, "eth-btc", "eth", "btc", 2, 1, 0.001m, 10_000m, 0.00001m, 10m, 0.001m, 0.00001m),
        ];
    }

    public Coin? FindCoin(string? symbol) => Coins.FirstOrDefault(c => c.Symbol == symbol);

    public Pair? FindPair(string? name) => Pairs.FirstOrDefault(p => p.Name == name);

    /// <summary>The pair trading <paramref name="a"/> against <paramref name="b"/> in either direction.</summary>
    public Pair? FindPairOf(string a, string b) =>
        Pairs.FirstOrDefault(p => (p.Base == a && p.Quote == b) || (p.Base == b && p.Quote == a));
}

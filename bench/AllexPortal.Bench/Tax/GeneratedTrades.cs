using AllexPortal.Core.Assets;
using AllexPortal.Core.Tax.Events;

namespace AllexPortal.Bench.Tax;

/// <summary>
/// A reproducible trade history for the cost-basis benchmark: buys and sells against usdt across several coins,
/// one a minute, with a 0.1 % fee in usdt and prices on a random walk.
/// </summary>
/// <remarks>
/// Half the trades sell: usually 5–50 % of the coin held, one time in ten all of it, so the number of open lots
/// stays realistic (hundreds, not hundreds of thousands) for every method, including HIFO whose cheap lots
/// would otherwise pile up forever.
/// </remarks>
public static class GeneratedTrades
{
    private static readonly string[] Coins = ["btc", "eth", "xht", "sol", "ada", "dot", "trx", "xrp", "ltc", "bnb"];

    public static DateTimeOffset Start { get; } = new(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TradeEvent[] Create(int count, int coins, int seed)
    {
        var random = new Random(seed);
        var assets = Coins.Take(coins).Select(code => new Asset(code)).ToArray();
        var prices = assets.Select(_ => (decimal)random.Next(10, 1000)).ToArray();
        var held = new decimal[assets.Length];
        var trades = new TradeEvent[count];
        for (var i = 0; i < count; i++)
        {
            var coin = random.Next(assets.Length);
            prices[coin] = Math.Max(0.01m, Math.Round(prices[coin] * (1m + ((random.Next(-1000, 1001)) / 100_000m)), 4));
            var sell = held[coin] > 0 && random.Next(2) == 0;
            var quantity = sell
                ? random.Next(10) == 0 ? held[coin] : Math.Max(0.000001m, Math.Round(held[coin] * random.Next(5, 51) / 100m, 6))
                : random.Next(1, 1_000_000) / 1_000_000m;
            var usdt = Math.Max(0.01m, Math.Round(quantity * prices[coin], 2));
            var fee = new Amount(Asset.Usdt, Math.Round(usdt / 1000m, 6));
            var time = Start.AddMinutes(i);
            Amount traded = new(assets[coin], quantity), cash = new(Asset.Usdt, usdt);
            trades[i] = sell
                ? new TradeEvent(i + 1, time, traded, cash, fee)
                : new TradeEvent(i + 1, time, cash, traded, fee);
            held[coin] += sell ? -quantity : quantity;
        }

        return trades;
    }
}

namespace AllexPortal.Sandbox.Markets;

/// <summary>Deterministic prices of every pair at any minute: an hourly mean-reverting random walk in
/// log-price per coin (seeded), interpolated, with per-minute noise from a hash. Cross pairs (eth-btc) are
/// the ratio of their legs, so every price the sandbox shows, trades at or charts is consistent.</summary>
internal sealed class PricePath
{
    private const double MinuteNoise = 0.0012;
    private readonly MarketCatalog _catalog;
    private readonly double[][] _logAnchors;
    private readonly DateTimeOffset _origin;
    private readonly ulong _seed;

    public PricePath(MarketCatalog catalog, int seed, DateTimeOffset origin, int hours)
    {
        _catalog = catalog;
        _seed = (ulong)(uint)seed;
        _origin = origin;
        _logAnchors = new double[catalog.Coins.Count][];
        var random = new Random(seed);
        foreach (var coin in catalog.Coins)
        {
            var anchors = new double[hours + 2];
            var start = Math.Log((double)coin.StartPrice);
            anchors[0] = start;
            for (var h = 1; h < anchors.Length; h++)
            {
                var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                anchors[h] = anchors[h - 1] + coin.HourlyVolatility * z - 0.0004 * (anchors[h - 1] - start);
            }
            _logAnchors[coin.Id - 1] = anchors;
        }
    }

    /// <summary>The pair's price at <paramref name="time"/>, rounded to its price increment.</summary>
    public decimal Price(Pair pair, DateTimeOffset time) => pair.RoundPrice((decimal)Raw(pair, time));

    /// <summary>The unrounded price.</summary>
    public double Raw(Pair pair, DateTimeOffset time) =>
        UsdtPrice(_catalog.Coins[pair.BaseIndex], time) / UsdtPrice(_catalog.Coins[pair.QuoteIndex], time);

    /// <summary>A coin's value in usdt.</summary>
    public double UsdtPrice(string coinSymbol, DateTimeOffset time) =>
        UsdtPrice(_catalog.FindCoin(coinSymbol) ?? throw new ArgumentException($"Unknown coin {coinSymbol}", nameof(coinSymbol)), time);

    /// <summary>A coin's value in usdt.</summary>
    public double UsdtPrice(Coin coin, DateTimeOffset time)
    {
        if (coin.HourlyVolatility == 0)
        {
            return 1;
        }
        var anchors = _logAnchors[coin.Id - 1];
        var hours = Math.Clamp((time - _origin).TotalHours, 0, anchors.Length - 2);
        var index = (int)hours;
        var fraction = hours - index;
        var log = anchors[index] * (1 - fraction) + anchors[index + 1] * fraction;
        var minute = (ulong)(time.ToUnixTimeSeconds() / 60);
        return Math.Exp(log) * (1 + MinuteNoise * DeterministicNoise.Signed(_seed, (ulong)coin.Id, minute));
    }

    /// <summary>Bars of <paramref name="resolution"/> covering [from, to], never past <paramref name="now"/>.</summary>
    public List<Candle> Candles(Pair pair, TimeSpan resolution, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, int maxBars)
    {
        var result = new List<Candle>();
        var step = resolution.Ticks;
        var end = to < now ? to : now;
        var firstBucket = new DateTimeOffset(from.UtcTicks - (from.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) % step, TimeSpan.Zero);
        var bars = (end.UtcTicks - firstBucket.UtcTicks) / step + 1;
        if (bars > maxBars)
        {
            firstBucket = firstBucket.AddTicks((bars - maxBars) * step);
        }
        for (var bucket = firstBucket; bucket <= end; bucket = bucket.AddTicks(step))
        {
            result.Add(Candle(pair, bucket, resolution, now));
        }
        return result;
    }

    private Candle Candle(Pair pair, DateTimeOffset start, TimeSpan resolution, DateTimeOffset now)
    {
        var last = start + resolution - TimeSpan.FromMinutes(1);
        if (last > now)
        {
            last = now;
        }
        var sampleStep = TimeSpan.FromMinutes(Math.Max(1, Math.Floor(resolution.TotalMinutes / 120)));
        var open = Raw(pair, start);
        double high = open, low = open;
        for (var t = start + sampleStep; t <= last; t += sampleStep)
        {
            var p = Raw(pair, t);
            high = Math.Max(high, p);
            low = Math.Min(low, p);
        }
        var close = Raw(pair, last);
        high = Math.Max(high, close);
        low = Math.Min(low, close);
        var notional = 20_000 * resolution.TotalMinutes * (0.5 + DeterministicNoise.Unit(_seed, (ulong)pair.Id + 100, (ulong)start.ToUnixTimeSeconds()));
        var volume = pair.RoundSize((decimal)(notional / UsdtPrice(pair.Base, start)));
        return new Candle(start, pair.RoundPrice((decimal)open), pair.RoundPrice((decimal)high), pair.RoundPrice((decimal)low), pair.RoundPrice((decimal)close), volume);
    }
}

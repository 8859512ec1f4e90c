namespace AllexPortal.Sandbox.Markets;

/// <summary>The market maker's quotes around the price path: level i sits (i+1) × 0.1% from the mid with a
/// hashed size. They replenish every time they are read, so the book never runs dry.</summary>
internal sealed class SyntheticBook(PricePath prices, int seed)
{
    public const double LevelStep = 0.001;

    public List<(decimal Price, decimal Size)> Levels(Pair pair, bool asks, DateTimeOffset now, int count)
    {
        var mid = prices.Raw(pair, now);
        var baseUsdt = prices.UsdtPrice(pair.Base, now);
        var minute = (ulong)(now.ToUnixTimeSeconds() / 60);
        var levels = new List<(decimal, decimal)>(count);
        for (var i = 0; i < count; i++)
        {
            var offset = LevelStep * (i + 1);
            var raw = (decimal)(asks ? mid * (1 + offset) : mid * (1 - offset));
            var steps = raw / pair.IncrementPrice;
            var price = (asks ? Math.Ceiling(steps) : Math.Floor(steps)) * pair.IncrementPrice;
            var notional = 1_000 + 6_000 * DeterministicNoise.Unit((ulong)(uint)seed, (ulong)(pair.Id * 100 + i + (asks ? 50 : 0)), minute);
            var size = Math.Max(pair.MinSize, pair.RoundSize((decimal)(notional / baseUsdt)));
            levels.Add((price, size));
        }
        return levels;
    }
}

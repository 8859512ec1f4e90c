using AllexPortal.Core.Assets;

namespace AllexPortal.Core.Tax.Pricing;

/// <summary>
/// Identifies one hourly close: the price of <see cref="Asset"/> in <see cref="Currency"/> at the close of the
/// one-hour candle that opens at <see cref="HourStart"/>.
/// </summary>
/// <remarks>
/// An event at 10:37 is valued at the close of the 10:00 candle (its close at 11:00), so every instant maps to
/// the candle it happens in. Keys are built with <see cref="For"/>, which truncates to the hour in UTC, so two
/// events in the same hour share one key and one fetch.
/// </remarks>
public readonly record struct PriceKey
{
    private PriceKey(Asset asset, Asset currency, DateTimeOffset hourStart)
    {
        Asset = asset;
        Currency = currency;
        HourStart = hourStart;
    }

    /// <summary>The asset being priced.</summary>
    public Asset Asset { get; }

    /// <summary>The currency the price is quoted in.</summary>
    public Asset Currency { get; }

    /// <summary>The opening instant (UTC, on the hour) of the candle whose close is wanted.</summary>
    public DateTimeOffset HourStart { get; }

    /// <summary>The key of the candle containing <paramref name="time"/>.</summary>
    public static PriceKey For(Asset asset, Asset currency, DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        return new PriceKey(asset, currency, new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerHour), TimeSpan.Zero));
    }
}

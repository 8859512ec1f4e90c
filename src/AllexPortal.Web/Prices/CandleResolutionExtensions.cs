namespace AllexPortal.Web.Prices;

/// <summary>The length of a <see cref="CandleResolution"/> and how <c>GET /chart</c> spells it.</summary>
public static class CandleResolutionExtensions
{
    /// <summary>How long one candle lasts.</summary>
    public static TimeSpan Length(this CandleResolution resolution) => resolution switch
    {
        CandleResolution.Hour => TimeSpan.FromHours(1),
        CandleResolution.Day => TimeSpan.FromDays(1),
        _ => throw new ArgumentOutOfRangeException(nameof(resolution), resolution, null),
    };

    /// <summary>
    /// The resolution parameter: <c>60</c> and <c>1D</c> are in every list of the Kit's accepted values (its docs,
    /// its web app's <c>60</c>/<c>D</c>, the seed's set) and the sandbox accepts both.
    /// </summary>
    public static string ChartParameter(this CandleResolution resolution) => resolution switch
    {
        CandleResolution.Hour => "60",
        CandleResolution.Day => "1D",
        _ => throw new ArgumentOutOfRangeException(nameof(resolution), resolution, null),
    };

    /// <summary>The opening time of the candle containing <paramref name="time"/> (UTC; days start at midnight UTC).</summary>
    public static DateTimeOffset Floor(this CandleResolution resolution, DateTimeOffset time)
    {
        var step = resolution.Length().Ticks;
        var ticks = time.UtcTicks;
        return new DateTimeOffset(ticks - ticks % step, TimeSpan.Zero);
    }

    /// <summary>The first candle opening at or after <paramref name="time"/>.</summary>
    public static DateTimeOffset Ceiling(this CandleResolution resolution, DateTimeOffset time)
    {
        var floor = resolution.Floor(time);
        return floor.UtcTicks == time.UtcTicks ? floor : floor + resolution.Length();
    }
}

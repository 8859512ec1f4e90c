namespace AllexPortal.Web.Prices;

/// <summary>
/// A span of time for which every candle of a pair and resolution has been fetched, so a gap in trading (no
/// candle) is told apart from a span never asked for, and neither is fetched twice.
/// </summary>
public sealed class CachedCandleRange
{
    public long Id { get; set; }

    public required string Exchange { get; set; }

    public required string Symbol { get; set; }

    public CandleResolution Resolution { get; set; }

    /// <summary>Start of the covered span (inclusive, UTC).</summary>
    public DateTimeOffset From { get; set; }

    /// <summary>End of the covered span (exclusive, UTC).</summary>
    public DateTimeOffset To { get; set; }
}

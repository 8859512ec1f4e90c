namespace AllexPortal.Web.Prices;

/// <summary>A half-open span of candle opening times [<see cref="From"/>, <see cref="To"/>), aligned to a resolution.</summary>
internal readonly record struct CandleSpan(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The parts of <paramref name="wanted"/> not inside any of <paramref name="covered"/> (in any order, overlapping or not).</summary>
    public static List<CandleSpan> Uncovered(CandleSpan wanted, IEnumerable<CandleSpan> covered)
    {
        var gaps = new List<CandleSpan>();
        var cursor = wanted.From;
        foreach (var span in covered.Where(s => s.To > wanted.From && s.From < wanted.To).OrderBy(s => s.From))
        {
            if (span.From > cursor)
            {
                gaps.Add(new CandleSpan(cursor, span.From));
            }

            if (span.To > cursor)
            {
                cursor = span.To;
            }
        }

        if (cursor < wanted.To)
        {
            gaps.Add(new CandleSpan(cursor, wanted.To));
        }

        return gaps;
    }
}

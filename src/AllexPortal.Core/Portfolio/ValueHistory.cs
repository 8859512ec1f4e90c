namespace AllexPortal.Core.Portfolio;

/// <summary>
/// Sums several series recorded at different moments into one value-over-time line: at every moment a series
/// counts with its latest value so far (a connection snapshotted at 10:00 still counts at 10:03 when another
/// one is snapshotted). A series' last value before the range start carries into the range, so the line
/// starts where the portfolio stood. Long lines keep the last point of each of <c>maxPoints</c> equal time buckets.
/// </summary>
public static class ValueHistory
{
    /// <summary>The summed line from <paramref name="from"/> on, at most <paramref name="maxPoints"/> points long.</summary>
    public static IReadOnlyList<ValuePoint> Combine(IEnumerable<SeriesValue> values, DateTimeOffset from, int maxPoints = 250)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 2);
        var latest = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var line = new List<ValuePoint>();
        foreach (var moment in values.OrderBy(v => v.At).GroupBy(v => v.At))
        {
            foreach (var value in moment)
            {
                latest[value.Series] = value.Value;
            }

            if (moment.Key >= from)
            {
                line.Add(new ValuePoint(moment.Key, latest.Values.Sum()));
            }
            else
            {
                line.Clear();
                line.Add(new ValuePoint(from, latest.Values.Sum()));
            }
        }

        return line.Count <= maxPoints ? line : Thin(line, maxPoints);
    }

    private static List<ValuePoint> Thin(List<ValuePoint> line, int maxPoints)
    {
        var start = line[0].At;
        var span = (line[^1].At - start).Ticks;
        return [.. line
            .GroupBy(p => Math.Min(maxPoints - 1, (long)((decimal)(p.At - start).Ticks / span * (maxPoints - 1))))
            .Select(bucket => bucket.Last())];
    }
}

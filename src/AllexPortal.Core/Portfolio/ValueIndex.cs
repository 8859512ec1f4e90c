namespace AllexPortal.Core.Portfolio;

/// <summary>
/// Turns a value-over-time line into an index (the first point is 100), so the line's shape, which is the
/// strategy's performance, can be shared without its scale, which is the wealth. The index follows the value, so a
/// deposit or a withdrawal moves it as much as a price does; it is not a time-weighted return.
/// </summary>
public static class ValueIndex
{
    /// <summary>The value of the first point of every index line.</summary>
    public const decimal Base = 100m;

    /// <summary>Fraction digits kept: 0.01 of an index point, more than a chart or a person can tell apart.</summary>
    public const int Decimals = 2;

    /// <summary>
    /// <paramref name="line"/> rebased on its first point with a positive value. Points before it (an empty portfolio
    /// has no level to compare with) are left out, so a line that never holds anything gives an empty index.
    /// </summary>
    public static IReadOnlyList<IndexPoint> Rebase(IReadOnlyList<ValuePoint> line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var start = -1;
        for (var i = 0; i < line.Count; i++)
        {
            if (line[i].Value > 0m)
            {
                start = i;
                break;
            }
        }

        if (start < 0)
        {
            return [];
        }

        var first = line[start].Value;
        return [.. line.Skip(start).Select(p => new IndexPoint(p.At, Math.Round(p.Value / first * Base, Decimals, MidpointRounding.AwayFromZero)))];
    }
}

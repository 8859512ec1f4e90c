using AllexPortal.Core.Portfolio;

namespace AllexPortal.Core.Tests.Portfolio;

public sealed class ValueHistoryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static SeriesValue At(string series, int minutes, decimal value) => new(series, T0.AddMinutes(minutes), value);

    [Fact]
    public void Each_moment_sums_the_latest_value_of_every_series()
    {
        var line = ValueHistory.Combine([At("a", 0, 100m), At("b", 5, 50m), At("a", 10, 120m)], DateTimeOffset.MinValue);

        Assert.Equal([(0, 100m), (5, 150m), (10, 170m)], line.Select(p => ((int)(p.At - T0).TotalMinutes, p.Value)));
    }

    [Fact]
    public void The_last_values_before_the_range_start_carry_into_it()
    {
        var line = ValueHistory.Combine([At("a", 0, 100m), At("b", 1, 10m), At("a", 20, 130m)], T0.AddMinutes(10));

        Assert.Equal([(10, 110m), (20, 140m)], line.Select(p => ((int)(p.At - T0).TotalMinutes, p.Value)));
    }

    [Fact]
    public void Long_lines_are_thinned_to_at_most_the_asked_points_keeping_the_last()
    {
        var values = Enumerable.Range(0, 1000).Select(i => At("a", i, i));

        var line = ValueHistory.Combine(values, DateTimeOffset.MinValue, maxPoints: 50);

        Assert.InRange(line.Count, 2, 50);
        Assert.Equal(999m, line[^1].Value);
    }

    [Fact]
    public void No_snapshots_give_an_empty_line()
    {
        Assert.Empty(ValueHistory.Combine([], DateTimeOffset.MinValue));
    }

    [Theory]
    [InlineData(HistoryRange.Week, 7)]
    [InlineData(HistoryRange.Month, 31)]
    [InlineData(HistoryRange.Quarter, 92)]
    [InlineData(HistoryRange.Year, 365)]
    public void Ranges_start_that_far_before_now(HistoryRange range, int days)
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(days, (now - range.StartBefore(now)).TotalDays);
    }
}

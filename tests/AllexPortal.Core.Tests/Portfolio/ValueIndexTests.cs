using AllexPortal.Core.Portfolio;

namespace AllexPortal.Core.Tests.Portfolio;

public sealed class ValueIndexTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ValuePoint At(int day, decimal value) => new(T0.AddDays(day), value);

    [Fact]
    public void The_first_point_is_100_and_the_rest_follow_in_proportion()
    {
        var index = ValueIndex.Rebase([At(0, 48_213.77m), At(1, 52_000m), At(2, 24_106.885m)]);

        Assert.Equal([100m, 107.85m, 50m], index.Select(p => p.Index));
    }

    [Fact]
    public void Index_points_keep_their_moments()
    {
        var index = ValueIndex.Rebase([At(0, 10m), At(3, 20m)]);

        Assert.Equal([T0, T0.AddDays(3)], index.Select(p => p.At));
    }

    [Fact]
    public void Points_before_anything_was_held_are_left_out()
    {
        var index = ValueIndex.Rebase([At(0, 0m), At(1, 0m), At(2, 500m), At(3, 0m), At(4, 750m)]);

        Assert.Equal([(2, 100m), (3, 0m), (4, 150m)], index.Select(p => ((int)(p.At - T0).TotalDays, p.Index)));
    }

    [Fact]
    public void A_line_that_never_holds_anything_has_no_index()
    {
        Assert.Empty(ValueIndex.Rebase([At(0, 0m), At(1, 0m)]));
    }

    [Fact]
    public void Index_values_are_rounded_to_a_hundredth()
    {
        var index = ValueIndex.Rebase([At(0, 3m), At(1, 1m)]);

        Assert.Equal(33.33m, index[1].Index);
    }
}

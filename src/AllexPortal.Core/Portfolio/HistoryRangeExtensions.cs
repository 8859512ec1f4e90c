namespace AllexPortal.Core.Portfolio;

/// <summary>Where each <see cref="HistoryRange"/> starts and how it is labelled on its button.</summary>
public static class HistoryRangeExtensions
{
    /// <summary>The first moment of the range ending at <paramref name="now"/>; <see cref="DateTimeOffset.MinValue"/> for <see cref="HistoryRange.All"/>.</summary>
    public static DateTimeOffset StartBefore(this HistoryRange range, DateTimeOffset now) => range switch
    {
        HistoryRange.Week => now.AddDays(-7),
        HistoryRange.Month => now.AddMonths(-1),
        HistoryRange.Quarter => now.AddMonths(-3),
        HistoryRange.Year => now.AddYears(-1),
        _ => DateTimeOffset.MinValue,
    };

    /// <summary>1W, 1M, 3M, 1Y, All.</summary>
    public static string Label(this HistoryRange range) => range switch
    {
        HistoryRange.Week => "1W",
        HistoryRange.Month => "1M",
        HistoryRange.Quarter => "3M",
        HistoryRange.Year => "1Y",
        _ => "All",
    };
}

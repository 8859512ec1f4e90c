using AllexPortal.Core.Tax;

namespace AllexPortal.Core.Tests.Tax;

public sealed class TaxYearTests
{
    public static TheoryData<string, int, int, string, string> Containing => new()
    {
        // instant, start month, start day, expected start, expected label
        { "2025-01-01T00:00:00Z", 1, 1, "2025-01-01", "2025" },
        { "2024-12-31T23:59:59Z", 1, 1, "2024-01-01", "2024" },
        { "2026-04-05T23:59:59Z", 4, 6, "2025-04-06", "2025/26" },  // last second of the UK year 2025/26
        { "2026-04-06T00:00:00Z", 4, 6, "2026-04-06", "2026/27" },  // first instant of the next one
        { "2026-04-06T01:00:00+02:00", 4, 6, "2025-04-06", "2025/26" }, // 23:00 UTC on 5 April
        { "2099-12-31T12:00:00Z", 4, 6, "2099-04-06", "2099/00" },
    };

    [Theory]
    [MemberData(nameof(Containing))]
    public void The_tax_year_containing_an_instant_starts_on_the_right_day(
        string instant, int month, int day, string start, string label)
    {
        var year = TaxYear.Containing(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), new TaxYearStart(month, day));

        Assert.Equal((start, label), (year.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), year.ToString()));
    }

    [Fact]
    public void A_tax_year_lasts_until_the_same_day_a_year_later()
    {
        var year = new TaxYear(2025, TaxYearStart.April6);

        Assert.Equal(new DateTimeOffset(2026, 4, 6, 0, 0, 0, TimeSpan.Zero), year.End);
    }

    [Fact]
    public void A_default_year_start_means_the_calendar_year()
    {
        Assert.Equal(new TaxYear(2025, TaxYearStart.January1).Period, new TaxYear(2025).Period);
    }

    [Theory]
    [InlineData(2, 29)]
    [InlineData(4, 31)]
    [InlineData(13, 1)]
    public void A_start_day_that_does_not_occur_every_year_is_refused(int month, int day)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TaxYearStart(month, day));
    }

    [Fact]
    public void A_period_that_ends_before_it_starts_is_refused()
    {
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Throws<ArgumentException>(() => new ReportPeriod(start, start));
    }
}

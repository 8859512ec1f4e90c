namespace AllexPortal.Core.Tax;

/// <summary>
/// One tax year, named by the calendar year it starts in: with an April 6 start, <c>TaxYear(2025)</c> runs from
/// 6 April 2025 to 5 April 2026 inclusive.
/// </summary>
/// <param name="StartYear">The calendar year in which the tax year begins.</param>
/// <param name="YearStart">The day the tax year begins; <c>default</c> means 1 January.</param>
public readonly record struct TaxYear(int StartYear, TaxYearStart YearStart = default)
{
    private TaxYearStart Anchor => YearStart.Month == 0 ? TaxYearStart.January1 : YearStart;

    /// <summary>Midnight UTC on the first day of the tax year.</summary>
    public DateTimeOffset Start => new(StartYear, Anchor.Month, Anchor.Day, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Midnight UTC on the first day of the next tax year (exclusive).</summary>
    public DateTimeOffset End => Start.AddYears(1);

    /// <summary>The tax year as a report period.</summary>
    public ReportPeriod Period => new(Start, End);

    /// <summary>The tax year, starting on <paramref name="yearStart"/>, that contains <paramref name="time"/>.</summary>
    public static TaxYear Containing(DateTimeOffset time, TaxYearStart yearStart)
    {
        var utc = time.ToUniversalTime();
        var candidate = new TaxYear(utc.Year, yearStart);
        return utc < candidate.Start ? new TaxYear(utc.Year - 1, yearStart) : candidate;
    }

    /// <summary>Prints <c>2025</c> for a calendar year and <c>2025/26</c> for one that straddles two.</summary>
    public override string ToString() => Anchor == TaxYearStart.January1
        ? StartYear.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : FormattableString.Invariant($"{StartYear}/{(StartYear + 1) % 100:00}");
}

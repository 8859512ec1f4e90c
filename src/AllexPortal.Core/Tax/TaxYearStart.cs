namespace AllexPortal.Core.Tax;

/// <summary>
/// The month and day on which a jurisdiction's tax year begins, such as 1 January or 6 April.
/// </summary>
/// <remarks>Tax years begin at midnight UTC on that day; local-time tax years are not modelled.</remarks>
public readonly record struct TaxYearStart
{
    /// <summary>A calendar tax year (most jurisdictions, including the US).</summary>
    public static readonly TaxYearStart January1 = new(1, 1);

    /// <summary>The UK tax year, 6 April to 5 April.</summary>
    public static readonly TaxYearStart April6 = new(4, 6);

    /// <summary>Creates a start day; 29 February is refused because it does not occur every year.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The month and day do not form a date in every year.</exception>
    public TaxYearStart(int month, int day)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(day, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day, DateTime.DaysInMonth(2001, month));
        Month = month;
        Day = day;
    }

    /// <summary>The month the tax year starts in, 1 to 12.</summary>
    public int Month { get; }

    /// <summary>The day of <see cref="Month"/> the tax year starts on.</summary>
    public int Day { get; }
}

namespace AllexPortal.Core.Tax;

/// <summary>
/// A half-open span of time <c>[Start, End)</c> that a tax report covers: a tax year or a custom date range.
/// </summary>
/// <remarks>
/// Events before <see cref="Start"/> still shape the lots the period consumes, so the engine replays them, but
/// only disposals inside the period are reported. Unrealised gains are valued at the last hourly close inside
/// the period (the candle that closes at <see cref="End"/>); pass an end no later than now for a current view.
/// </remarks>
public readonly record struct ReportPeriod
{
    /// <summary>Creates the period <c>[start, end)</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="end"/> is not after <paramref name="start"/>.</exception>
    public ReportPeriod(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            throw new ArgumentException($"The period must end after it starts ({start:O} .. {end:O}).", nameof(end));
        }

        Start = start.ToUniversalTime();
        End = end.ToUniversalTime();
    }

    /// <summary>The first instant of the period (inclusive).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The first instant after the period (exclusive).</summary>
    public DateTimeOffset End { get; }

    /// <summary>The last instant inside the period, at which remaining lots are valued.</summary>
    public DateTimeOffset LastInstant => End.AddTicks(-1);

    /// <summary>Whether <paramref name="time"/> falls inside <c>[Start, End)</c>.</summary>
    public bool Contains(DateTimeOffset time) => time >= Start && time < End;
}

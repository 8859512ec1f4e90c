namespace AllexPortal.Core.Tax;

/// <summary>
/// Whether a disposed lot was held long enough to count as a long-term gain.
/// </summary>
/// <remarks>
/// A lot is long term when the time between acquisition and disposal is strictly greater than
/// <see cref="TaxReportOptions.LongTermThreshold"/> (365 days by default), so a lot sold exactly 365 days after
/// it was bought is still short term, as under the US "more than one year" rule.
/// </remarks>
public enum HoldingPeriod
{
    /// <summary>Held for at most the threshold, or of unknown age (an oversold shortfall).</summary>
    ShortTerm,

    /// <summary>Held for more than the threshold.</summary>
    LongTerm,
}

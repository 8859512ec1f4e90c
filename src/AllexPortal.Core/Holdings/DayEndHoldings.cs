namespace AllexPortal.Core.Holdings;

/// <summary>
/// What an account held at the end of one UTC day (midnight after <see cref="Day"/>), per lower-case coin code.
/// Coins at zero are absent; a negative amount means the history given spends more than it brings in (a deposit,
/// airdrop or transfer the exchange does not report), and is kept so the gap shows rather than hides.
/// </summary>
public sealed record DayEndHoldings(DateOnly Day, IReadOnlyDictionary<string, decimal> Amounts)
{
    /// <summary>The instant the holdings are as of: midnight UTC after <see cref="Day"/>.</summary>
    public DateTimeOffset End => new(Day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
}

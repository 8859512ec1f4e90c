namespace AllexPortal.Core.Portfolio;

/// <summary>A coin's price 24 hours ago (<see cref="Open"/>) and now (<see cref="Close"/>), both in the quote currency.</summary>
public sealed record DayRange(decimal Open, decimal Close)
{
    /// <summary>The change in percent, or null when there is no opening price to compare with.</summary>
    public decimal? ChangePercent => Open > 0m && Close > 0m ? (Close - Open) / Open * 100m : null;
}

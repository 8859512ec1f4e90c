namespace AllexPortal.Web.Portfolio;

/// <summary>
/// Settings of section <c>Portfolio</c>: how long public market data is shared from the cache, and how often
/// valuation snapshots are taken (on a schedule for every connection, and on dashboard views at most every
/// <see cref="ViewSnapshotSpacing"/> per connection).
/// </summary>
public sealed class PortfolioOptions
{
    public const string SectionName = "Portfolio";

    /// <summary>Coins and pairs (<c>/constants</c>). Default 5 minutes.</summary>
    public TimeSpan ConstantsLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>24 h tickers (<c>/tickers</c>). Default 15 seconds.</summary>
    public TimeSpan TickersLifetime { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Oracle prices (<c>/oracle/prices</c>). Default 15 seconds.</summary>
    public TimeSpan PricesLifetime { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Interval of the scheduled snapshot of every connection; zero switches it off. Default 1 hour.</summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Least time between two view snapshots of one connection. Default 5 minutes.</summary>
    public TimeSpan ViewSnapshotSpacing { get; set; } = TimeSpan.FromMinutes(5);
}

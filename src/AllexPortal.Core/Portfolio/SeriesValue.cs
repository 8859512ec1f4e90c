namespace AllexPortal.Core.Portfolio;

/// <summary>One recorded value of one series (a connection's portfolio) at one moment.</summary>
public readonly record struct SeriesValue(string Series, DateTimeOffset At, decimal Value);

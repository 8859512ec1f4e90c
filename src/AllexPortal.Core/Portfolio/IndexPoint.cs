namespace AllexPortal.Core.Portfolio;

/// <summary>A point of a value line rebased so its first point is 100: 112.5 means 12.5 % above where the line started.</summary>
public readonly record struct IndexPoint(DateTimeOffset At, decimal Index);

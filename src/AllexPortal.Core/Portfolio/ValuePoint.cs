namespace AllexPortal.Core.Portfolio;

/// <summary>A point of the value-over-time chart.</summary>
public readonly record struct ValuePoint(DateTimeOffset At, decimal Value);

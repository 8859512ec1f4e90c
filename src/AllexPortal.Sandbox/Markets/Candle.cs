namespace AllexPortal.Sandbox.Markets;

/// <summary>One OHLCV bar of a pair.</summary>
internal readonly record struct Candle(DateTimeOffset Time, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume);

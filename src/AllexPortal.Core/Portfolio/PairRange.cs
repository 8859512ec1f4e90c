namespace AllexPortal.Core.Portfolio;

/// <summary>One market pair's 24 h open and close as its ticker reports them (<c>btc-usdt</c>: usdt per btc).</summary>
public sealed record PairRange(string Symbol, decimal? Open, decimal? Close);

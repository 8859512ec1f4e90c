namespace AllexPortal.Web.Trading;

/// <summary>Maker and taker fee rates of one pair for one fee tier, in percent (0.1 means 0.1 %).</summary>
public sealed record FeeRates(decimal Maker, decimal Taker);

namespace AllexPortal.Web.Prices;

/// <summary>The candle lengths the portal caches: hourly closes for tax valuation, daily closes for value history.</summary>
public enum CandleResolution
{
    Hour,
    Day,
}

namespace AllexPortal.Web.Tests.Trading;

/// <summary>A trading portal whose sandbox lets quick-trade quotes expire after one second.</summary>
public sealed class ShortQuotePortal : TradingPortal
{
    protected override string QuoteLifetime => "00:00:01";
}

namespace AllexPortal.Web.Trading;

/// <summary>
/// What an order is expected to cost before it is sent. <see cref="Price"/> is the limit price, or for a market
/// order the last traded price (<see cref="PriceIsEstimated"/>). The fee is charged in the received coin, as the
/// exchange does: the base coin for buys, the quote coin for sells. <see cref="FeeRate"/> is null when the exchange
/// published no fee for this pair and tier.
/// </summary>
public sealed record OrderEstimate(
    decimal Price,
    bool PriceIsEstimated,
    decimal Notional,
    string QuoteCoin,
    decimal? FeeRate,
    bool FeeIsMaker,
    decimal? Fee,
    string FeeCoin,
    decimal? FeeInQuote);

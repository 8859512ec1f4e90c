using AllexPortal.Core.Assets;
using AllexPortal.Core.Tax.Events;

namespace AllexPortal.Core.Tax.Pricing;

/// <summary>
/// The pre-pass of a report: which hourly closes the engine will ask for, so they can be resolved in one batch
/// before the synchronous run.
/// </summary>
/// <remarks>
/// It mirrors the valuation rules of <see cref="CostBasisEngine"/>: a trade with a leg in the report currency
/// needs no price; a crypto-to-crypto trade needs the bought coin's close (and the sold coin's as a fallback);
/// a fee in a third coin, a withdrawal fee and a deposit of unknown basis valued at market need their coin's
/// close; every asset seen needs its close at the end of the period for unrealised gains.
/// </remarks>
public static class PriceRequirements
{
    /// <summary>Collects the keys needed to report <paramref name="events"/> under <paramref name="options"/>.</summary>
    public static IReadOnlyCollection<PriceKey> Collect(IEnumerable<LedgerEvent> events, TaxReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(options);
        var currency = options.ReportCurrency;
        var keys = new HashSet<PriceKey>();
        var assets = new HashSet<Asset>();

        void Need(Asset asset, DateTimeOffset time)
        {
            if (asset != currency)
            {
                keys.Add(PriceKey.For(asset, currency, time));
            }
        }

        foreach (var ledgerEvent in events)
        {
            if (ledgerEvent.Time >= options.Period.End)
            {
                continue;
            }

            switch (ledgerEvent)
            {
                case TradeEvent trade:
                    assets.Add(trade.Sold.Asset);
                    assets.Add(trade.Bought.Asset);
                    if (trade.Sold.Asset != currency && trade.Bought.Asset != currency)
                    {
                        Need(trade.Bought.Asset, trade.Time);
                        Need(trade.Sold.Asset, trade.Time);
                    }

                    if (trade.Fee is { } fee && fee.Asset != trade.Sold.Asset && fee.Asset != trade.Bought.Asset)
                    {
                        assets.Add(fee.Asset);
                        Need(fee.Asset, trade.Time);
                    }

                    break;
                case DepositEvent deposit:
                    assets.Add(deposit.Amount.Asset);
                    if (deposit.CostBasis is null && options.UnknownCostBasis == UnknownCostBasisValuation.MarketPrice)
                    {
                        Need(deposit.Amount.Asset, deposit.Time);
                    }

                    break;
                case WithdrawalEvent withdrawal:
                    assets.Add(withdrawal.Amount.Asset);
                    if (withdrawal.Fee is { } withdrawalFee)
                    {
                        assets.Add(withdrawalFee.Asset);
                        Need(withdrawalFee.Asset, withdrawal.Time);
                    }

                    break;
            }
        }

        foreach (var asset in assets)
        {
            Need(asset, options.Period.LastInstant);
        }

        return keys;
    }
}

using AllexPortal.Core.Assets;
using AllexPortal.Core.Tax;
using AllexPortal.Core.Tax.Events;
using AllexPortal.Core.Tax.Pricing;
using CsCheck;

namespace AllexPortal.Core.Tests.Tax;

/// <summary>
/// CsCheck generators of ledger histories: buys, sells and swaps over three coins with fees in every position,
/// deposits of known and unknown basis, withdrawals with fees, and many events sharing an hour.
/// </summary>
internal static class GeneratedHistories
{
    private static readonly string[] Coins = ["btc", "eth", "xht"];

    /// <summary>Up to 60 events within 48 hours; oversells and withdrawals beyond holdings happen.</summary>
    public static readonly Gen<LedgerEvent[]> Any = Gen.Select(
            Gen.Int[0, 6], Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[1, 100_000], Gen.Int[1, 100_000], Gen.Int[0, 48], Gen.Int[0, 3],
            (kind, a, b, quantity, usdt, hour, fee) => (kind, a, b, quantity, usdt, hour, fee))
        .Array[1, 60]
        .Select(steps => steps.Select((step, index) => ToEvent(index + 1L, step)).ToArray());

    /// <summary>Buys and sells of one coin without fees at prices that never fall; sells never exceed holdings.</summary>
    public static readonly Gen<LedgerEvent[]> RisingPrices = Gen.Select(Gen.Bool, Gen.Int[1, 5_000], Gen.Int[0, 20])
        .Array[1, 60]
        .Select(steps =>
        {
            var events = new List<LedgerEvent>();
            var price = 100m;
            var held = 0m;
            foreach (var (buy, thousandths, rise) in steps)
            {
                price += rise;
                var quantity = buy ? thousandths / 1000m : Math.Min(thousandths / 1000m, held);
                if (quantity == 0)
                {
                    continue;
                }

                held += buy ? quantity : -quantity;
                var time = History.Origin.AddHours(events.Count);
                Amount coin = new(new Asset("btc"), quantity), cash = new(Asset.Usdt, quantity * price);
                events.Add(buy
                    ? new TradeEvent(events.Count + 1, time, cash, coin)
                    : new TradeEvent(events.Count + 1, time, coin, cash));
            }

            return events.ToArray();
        });

    /// <summary>Hourly closes for every key the history needs, deterministic in the key.</summary>
    public static PriceTable PricesFor(IEnumerable<LedgerEvent> events, TaxReportOptions options) =>
        new(PriceRequirements.Collect(events, options).Select(key =>
            KeyValuePair.Create(key, 1m + ((key.HourStart.Hour + (key.Asset.Code[0] * 7)) % 50 / 4m))));

    public static TaxReport Report(CostBasisMethod method, LedgerEvent[] events)
    {
        var options = new TaxReportOptions(method, History.TwoYears);
        return CostBasisEngine.Run(events, options, PricesFor(events, options));
    }

    private static LedgerEvent ToEvent(long id, (int Kind, int A, int B, int Quantity, int Usdt, int Hour, int Fee) step)
    {
        var time = History.Origin.AddHours(step.Hour);
        var coin = Coins[step.A];
        var other = Coins[step.B == step.A ? (step.A + 1) % 3 : step.B];
        var third = Coins.First(c => c != coin && c != other);
        var quantity = step.Quantity / 1000m;
        var usdt = step.Usdt / 100m;
        switch (step.Kind)
        {
            case 0 or 1:
                return new TradeEvent(id, time, Amount.Of(usdt, "usdt"), Amount.Of(quantity, coin),
                    FeeFor(step.Fee, Amount.Of(quantity / 100, coin), Amount.Of(usdt / 100, "usdt"), third));
            case 2 or 3:
                return new TradeEvent(id, time, Amount.Of(quantity, coin), Amount.Of(usdt, "usdt"),
                    FeeFor(step.Fee, Amount.Of(usdt / 100, "usdt"), Amount.Of(quantity / 100, coin), third));
            case 4:
                var bought = step.Usdt / 1000m;
                return new TradeEvent(id, time, Amount.Of(quantity, coin), Amount.Of(bought, other),
                    FeeFor(step.Fee, Amount.Of(bought / 100, other), Amount.Of(quantity / 100, coin), third));
            case 5:
                return new DepositEvent(id, time, Amount.Of(quantity, coin), step.Fee == 3 ? usdt : null);
            default:
                return new WithdrawalEvent(id, time, Amount.Of(quantity, coin),
                    step.Fee == 0 ? null : Amount.Of(quantity / 100, coin));
        }
    }

    private static Amount? FeeFor(int position, Amount inBought, Amount inSold, string third) => position switch
    {
        1 => inBought,
        2 => inSold,
        3 => Amount.Of(0.01m, third),
        _ => null,
    };

    /// <summary>Signed quantity changes the event makes to holdings: arrivals positive, departures negative.</summary>
    public static IEnumerable<Amount> Flows(LedgerEvent ledgerEvent)
    {
        switch (ledgerEvent)
        {
            case TradeEvent trade:
                yield return trade.Bought;
                yield return trade.Sold with { Quantity = -trade.Sold.Quantity };
                if (trade.Fee is { } fee)
                {
                    yield return fee with { Quantity = -fee.Quantity };
                }

                break;
            case DepositEvent deposit:
                yield return deposit.Amount;
                break;
            case WithdrawalEvent withdrawal:
                yield return withdrawal.Amount with { Quantity = -withdrawal.Amount.Quantity };
                if (withdrawal.Fee is { } withdrawalFee)
                {
                    yield return withdrawalFee with { Quantity = -withdrawalFee.Quantity };
                }

                break;
        }
    }
}

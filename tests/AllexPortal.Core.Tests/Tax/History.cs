using AllexPortal.Core.Assets;
using AllexPortal.Core.Tax;
using AllexPortal.Core.Tax.Events;
using AllexPortal.Core.Tax.Pricing;

namespace AllexPortal.Core.Tests.Tax;

/// <summary>Short names for ledger events in the hand-computed tables: days count from 1 January 2024 UTC.</summary>
internal static class History
{
    public static readonly DateTimeOffset Origin = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Two calendar years, 2024 and 2025, which every hand-computed case fits in.</summary>
    public static readonly ReportPeriod TwoYears = new(Origin, Origin.AddYears(2));

    public static DateTimeOffset Day(int day) => Origin.AddDays(day);

    public static Amount Fee(decimal quantity, string coin) => Amount.Of(quantity, coin);

    /// <summary>Buys <paramref name="quantity"/> of <paramref name="coin"/> for <paramref name="usdt"/>.</summary>
    public static TradeEvent Buy(long id, int day, decimal quantity, string coin, decimal usdt, Amount? fee = null) =>
        new(id, Day(day), Amount.Of(usdt, "usdt"), Amount.Of(quantity, coin), fee);

    /// <summary>Sells <paramref name="quantity"/> of <paramref name="coin"/> for <paramref name="usdt"/>.</summary>
    public static TradeEvent Sell(long id, int day, decimal quantity, string coin, decimal usdt, Amount? fee = null) =>
        new(id, Day(day), Amount.Of(quantity, coin), Amount.Of(usdt, "usdt"), fee);

    /// <summary>Swaps one coin for another, neither being the report currency.</summary>
    public static TradeEvent Swap(long id, int day, Amount sold, Amount bought, Amount? fee = null) =>
        new(id, Day(day), sold, bought, fee);

    public static DepositEvent Deposit(long id, int day, decimal quantity, string coin, decimal? costBasis = null) =>
        new(id, Day(day), Amount.Of(quantity, coin), costBasis);

    public static WithdrawalEvent Withdraw(long id, int day, decimal quantity, string coin, Amount? fee = null) =>
        new(id, Day(day), Amount.Of(quantity, coin), fee);

    /// <summary>A price table holding one usdt close per (coin, day) given.</summary>
    public static PriceTable Closes(params (string Coin, int Day, decimal Usdt)[] closes) => new(closes.Select(close =>
        KeyValuePair.Create(PriceKey.For(new Asset(close.Coin), Asset.Usdt, Day(close.Day)), close.Usdt)));

    public static TaxReport Report(CostBasisMethod method, IEnumerable<LedgerEvent> events, PriceTable? prices = null) =>
        CostBasisEngine.Run(events, new TaxReportOptions(method, TwoYears), prices ?? PriceTable.Empty);
}

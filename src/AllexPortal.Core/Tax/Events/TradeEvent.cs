using AllexPortal.Core.Assets;

namespace AllexPortal.Core.Tax.Events;

/// <summary>
/// A fill: <see cref="Sold"/> left the account and <see cref="Bought"/> arrived, with an optional fee.
/// </summary>
/// <remarks>
/// A buy of 0.1 btc for 6,000 usdt is <c>Sold = 6000 usdt, Bought = 0.1 btc</c>; a crypto-to-crypto trade names
/// both coins and is a disposal of one and an acquisition of the other. Both legs are gross: the
/// <see cref="Fee"/> comes on top. A fee in the bought coin reduces what arrives (the exchange deducts it from
/// the proceeds of the fill), a fee in the sold coin leaves the account as well, and a fee in a third coin is a
/// separate small disposal of that coin.
/// </remarks>
/// <param name="LedgerId">The local ledger row id.</param>
/// <param name="Time">When the fill happened.</param>
/// <param name="Sold">What was given, gross of any fee.</param>
/// <param name="Bought">What was received, gross of any fee.</param>
/// <param name="Fee">The fee charged, in any coin; <c>null</c> when there was none.</param>
public sealed record TradeEvent(long LedgerId, DateTimeOffset Time, Amount Sold, Amount Bought, Amount? Fee = null)
    : LedgerEvent(LedgerId, Time);

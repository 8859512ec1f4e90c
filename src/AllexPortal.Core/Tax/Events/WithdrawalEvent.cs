using AllexPortal.Core.Assets;

namespace AllexPortal.Core.Tax.Events;

/// <summary>
/// Coins leaving one of the chosen connections. A transfer, not a disposal; only the fee is disposed of.
/// </summary>
/// <remarks>
/// The withdrawn lots (chosen in the order of the report's method) move to "in transit", keeping their dates
/// and cost, until a later deposit of the same coin brings them back. The fee is a small disposal valued at the
/// hourly close; it is taken from the lots before the transferred amount.
/// </remarks>
/// <param name="LedgerId">The local ledger row id.</param>
/// <param name="Time">When the withdrawal left the account.</param>
/// <param name="Amount">What was sent, excluding the fee.</param>
/// <param name="Fee">The network or exchange fee, in any coin; <c>null</c> when there was none.</param>
public sealed record WithdrawalEvent(long LedgerId, DateTimeOffset Time, Amount Amount, Amount? Fee = null)
    : LedgerEvent(LedgerId, Time);

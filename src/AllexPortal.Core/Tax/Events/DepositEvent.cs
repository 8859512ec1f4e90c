using AllexPortal.Core.Assets;

namespace AllexPortal.Core.Tax.Events;

/// <summary>
/// Coins arriving in one of the chosen connections. A transfer, not an acquisition for tax purposes.
/// </summary>
/// <remarks>
/// The engine first matches a deposit against coins withdrawn earlier from the chosen connections and still in
/// transit, which keep their original acquisition dates and cost. Whatever is left has no known cost basis unless
/// <see cref="CostBasis"/> gives one; it is then flagged and valued as <see cref="TaxReportOptions.UnknownCostBasis"/>
/// says.
/// </remarks>
/// <param name="LedgerId">The local ledger row id.</param>
/// <param name="Time">When the deposit was credited.</param>
/// <param name="Amount">What arrived.</param>
/// <param name="CostBasis">
/// The cost basis in the report currency, when the user knows it (for example from another wallet's records);
/// it then applies to the whole deposit and in-transit coins are not consulted.
/// </param>
public sealed record DepositEvent(long LedgerId, DateTimeOffset Time, Amount Amount, decimal? CostBasis = null)
    : LedgerEvent(LedgerId, Time);

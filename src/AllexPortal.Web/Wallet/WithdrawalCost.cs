using AllexPortal.Web.Trading;

namespace AllexPortal.Web.Wallet;

/// <summary>What a withdrawal of a coin on one network costs, shown before the user can request it.</summary>
/// <param name="Coin">The coin's rules (limits, networks).</param>
/// <param name="Network">The network the fee is for.</param>
/// <param name="Fee">The fee, or null when the exchange publishes none for this network.</param>
/// <param name="FeeCoin">The coin the fee is charged in.</param>
public sealed record WithdrawalCost(CoinRules Coin, string Network, decimal? Fee, string FeeCoin);

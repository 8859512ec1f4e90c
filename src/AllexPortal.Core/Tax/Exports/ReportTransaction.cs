using AllexPortal.Core.Assets;
using AllexPortal.Core.Tax.Events;

namespace AllexPortal.Core.Tax.Exports;

/// <summary>
/// A ledger event as the transaction exports show it: the event the engine replayed plus what a person (or an
/// import into another tax tool) needs to recognise it, which the engine itself has no use for.
/// </summary>
/// <remarks>
/// Amounts are gross, as in the events: a trade's <see cref="Sent"/> and <see cref="Received"/> exclude the fee,
/// which is listed on its own, so the balance of a coin moves by <c>received - sent - fee</c>. That is also how
/// Koinly reads its universal format.
/// </remarks>
/// <param name="Event">The event replayed by the engine.</param>
/// <param name="Account">The connection's label, so rows of several connections can be told apart.</param>
/// <param name="Description">What the row is, e.g. <c>buy 0.5 btc-usdt @ 60000</c>.</param>
/// <param name="TxHash">The blockchain transaction id of a transfer, when the exchange reported one.</param>
public sealed record ReportTransaction(LedgerEvent Event, string? Account = null, string? Description = null, string? TxHash = null)
{
    /// <summary>The event's ledger id (unique within the report).</summary>
    public long LedgerId => Event.LedgerId;

    /// <summary>When it happened (UTC).</summary>
    public DateTimeOffset Time => Event.Time;

    /// <summary>Trade, deposit or withdrawal.</summary>
    public TransactionKind Kind => Event switch
    {
        TradeEvent => TransactionKind.Trade,
        DepositEvent => TransactionKind.Deposit,
        WithdrawalEvent => TransactionKind.Withdrawal,
        _ => throw new InvalidOperationException($"Unknown ledger event {Event.GetType().Name}."),
    };

    /// <summary>What left the account, fee excluded; <c>null</c> for a deposit.</summary>
    public Amount? Sent => Event switch
    {
        TradeEvent trade => trade.Sold,
        WithdrawalEvent withdrawal => withdrawal.Amount,
        _ => null,
    };

    /// <summary>What arrived, fee not deducted; <c>null</c> for a withdrawal.</summary>
    public Amount? Received => Event switch
    {
        TradeEvent trade => trade.Bought,
        DepositEvent deposit => deposit.Amount,
        _ => null,
    };

    /// <summary>The fee charged, if any.</summary>
    public Amount? Fee => Event switch
    {
        TradeEvent trade => trade.Fee,
        WithdrawalEvent withdrawal => withdrawal.Fee,
        _ => null,
    };

    /// <summary>
    /// The row's worth in <paramref name="currency"/> when it can be read off the row itself (a trade with a leg in
    /// that currency, or a transfer of it); <c>null</c> otherwise, leaving the importing tool to price it.
    /// </summary>
    public decimal? ValueIn(Asset currency) => Event switch
    {
        TradeEvent trade when trade.Sold.Asset == currency => trade.Sold.Quantity,
        TradeEvent trade when trade.Bought.Asset == currency => trade.Bought.Quantity,
        DepositEvent deposit when deposit.Amount.Asset == currency => deposit.Amount.Quantity,
        WithdrawalEvent withdrawal when withdrawal.Amount.Asset == currency => withdrawal.Amount.Quantity,
        _ => null,
    };
}

using AllexPortal.Exchange.Account;
using AllexPortal.Web.Ledger;

namespace AllexPortal.Web.Amounts;

/// <summary>
/// A deposit or withdrawal as a member without amounts sees it: when, which coin on which network, and its state;
/// never the amount or fee. The address and transaction id are left out as well, since a block explorer shows the
/// amount to anyone holding either.
/// </summary>
public sealed record TransferActivity(long Id, Guid ConnectionId, DateTimeOffset CreatedAt, string Currency, string? Network, TransactionState State)
{
    /// <summary>What of <paramref name="transfer"/> is not an amount and does not lead to one.</summary>
    public static TransferActivity Of(LedgerTransfer transfer)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        return new TransferActivity(transfer.Id, transfer.ConnectionId, transfer.CreatedAt, transfer.Currency, transfer.Network, transfer.State);
    }
}

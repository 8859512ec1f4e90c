using AllexPortal.Exchange.Account;
using AllexPortal.Web.Connections;

namespace AllexPortal.Web.Ledger;

/// <summary>
/// A deposit or withdrawal of a connection, copied from <c>GET /user/deposits</c> or <c>GET /user/withdrawals</c>.
/// Both live in one table (as they do in the Kit) told apart by <see cref="Direction"/>; a pending one is re-read
/// until it settles.
/// </summary>
public sealed class LedgerTransfer
{
    public long Id { get; set; }

    public Guid ConnectionId { get; set; }

    public ExchangeConnection? Connection { get; set; }

    public TransferDirection Direction { get; set; }

    /// <summary>The exchange's id of the transfer.</summary>
    public long ExchangeId { get; set; }

    public required string Currency { get; set; }

    public decimal Amount { get; set; }

    public decimal Fee { get; set; }

    public string? FeeCoin { get; set; }

    public string? Address { get; set; }

    /// <summary>The blockchain transaction id, linked to a block explorer where the coin has one configured.</summary>
    public string? TransactionId { get; set; }

    public string? Network { get; set; }

    public TransactionState State { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public DateTimeOffset SyncedAt { get; set; }
}

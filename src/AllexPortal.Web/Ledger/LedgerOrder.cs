using AllexPortal.Exchange.Market;
using AllexPortal.Web.Connections;

namespace AllexPortal.Web.Ledger;

/// <summary>
/// One of a connection's orders, copied from <c>GET /orders</c> and kept up to date while it is open
/// (<see cref="IsOpen"/>): sync re-reads open orders until they fill or are cancelled.
/// </summary>
public sealed class LedgerOrder
{
    public long Id { get; set; }

    public Guid ConnectionId { get; set; }

    public ExchangeConnection? Connection { get; set; }

    /// <summary>The exchange's order id.</summary>
    public required string ExchangeId { get; set; }

    public required string Symbol { get; set; }

    public required string BaseCurrency { get; set; }

    public required string QuoteCurrency { get; set; }

    public OrderSide Side { get; set; }

    /// <summary><c>limit</c> or <c>market</c>.</summary>
    public required string Type { get; set; }

    public decimal Size { get; set; }

    public decimal? Price { get; set; }

    public decimal? Stop { get; set; }

    public decimal Filled { get; set; }

    public decimal? Average { get; set; }

    /// <summary><c>new</c>, <c>pfilled</c>, <c>filled</c> or <c>canceled</c>.</summary>
    public required string Status { get; set; }

    /// <summary>True while the order can still fill (<c>new</c> or <c>pfilled</c>); stored so open orders are one index seek.</summary>
    public bool IsOpen { get; set; }

    public decimal Fee { get; set; }

    public string? FeeCoin { get; set; }

    /// <summary>The order's free-text note (<c>meta.note</c>), if any.</summary>
    public string? Note { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public DateTimeOffset SyncedAt { get; set; }
}

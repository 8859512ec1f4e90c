using System.Globalization;
using AllexPortal.Exchange.Market;
using AllexPortal.Web.Connections;

namespace AllexPortal.Web.Ledger;

/// <summary>
/// One of a connection's fills, copied from <c>GET /user/trades</c>. The exchange gives fills no identifier, so
/// <see cref="Key"/> is derived from the fill's content plus its occurrence number among identical fills, which
/// makes re-reading an overlapping window an upsert rather than a duplicate.
/// </summary>
public sealed class LedgerTrade
{
    private decimal quoteAmount;

    /// <summary>Local row id: the stable tie-break between fills at the same instant (and the tax engine's ledger id).</summary>
    public long Id { get; set; }

    public Guid ConnectionId { get; set; }

    public ExchangeConnection? Connection { get; set; }

    /// <summary>Stable key of the fill within its connection (see the type's remarks).</summary>
    public required string Key { get; set; }

    /// <summary>The pair, e.g. <c>btc-usdt</c>.</summary>
    public required string Symbol { get; set; }

    /// <summary>The pair's base coin, e.g. <c>btc</c>, kept for filtering by currency.</summary>
    public required string BaseCurrency { get; set; }

    /// <summary>The pair's quote coin, e.g. <c>usdt</c>.</summary>
    public required string QuoteCurrency { get; set; }

    public OrderSide Side { get; set; }

    public decimal Size { get; set; }

    public decimal Price { get; set; }

    /// <summary><see cref="Size"/> × <see cref="Price"/>, the fill's volume in the quote coin.</summary>
    public decimal QuoteAmount
    {
        get => quoteAmount;
        set
        {
            quoteAmount = value;
            QuoteAmountOrder = OrderOf(value);
        }
    }

    /// <summary>
    /// <see cref="QuoteAmount"/> as the nearest <see cref="double"/>, set with it and used only to order and index
    /// fills by amount: SQLite keeps decimals as text, and sorting a million of them through EF Core's decimal
    /// collation took over half a second. Pages sorted by amount order by this, then time and id, along the index
    /// (connection, this, time, id); two distinct amounts that round to the same double (they agree in their first
    /// 15 significant digits) are therefore ordered by time. The decimal stays the truth everywhere else.
    /// </summary>
    public double QuoteAmountOrder { get; private set; }

    public decimal Fee { get; set; }

    public string? FeeCoin { get; set; }

    public string? OrderId { get; set; }

    public DateTimeOffset Timestamp { get; set; }

    /// <summary>When this row was last written by a sync.</summary>
    public DateTimeOffset SyncedAt { get; set; }

    /// <summary>The nearest double, through the correctly rounded parser, so a larger decimal never gets a smaller key.</summary>
    private static double OrderOf(decimal value) =>
        double.Parse(value.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
}

using AllexPortal.Exchange.Account;
using AllexPortal.Web.Ledger;

namespace AllexPortal.Web.History;

/// <summary>
/// The sort columns and status values one kind of history accepts, so the query string is checked at the edge
/// and a grid can offer exactly these.
/// </summary>
public sealed class HistoryColumns
{
    private HistoryColumns(IReadOnlyList<string> sortColumns, IReadOnlyList<string> statuses)
    {
        SortColumns = sortColumns;
        Statuses = statuses;
    }

    /// <summary>Fills: time, symbol, side, size, price, amount (quote volume), fee.</summary>
    public static HistoryColumns Trades { get; } = new(
        [HistoryQuery.TimeColumn, "symbol", "side", "size", "price", "amount", "fee"], []);

    /// <summary>Orders: time (created), symbol, side, type, size, price, filled, status; statuses include <c>open</c>
    /// (new or partly filled).</summary>
    public static HistoryColumns Orders { get; } = new(
        [HistoryQuery.TimeColumn, "symbol", "side", "type", "size", "price", "filled", "status"],
        [OrderStatuses.Open, OrderStatuses.New, OrderStatuses.PartlyFilled, OrderStatuses.Filled, OrderStatuses.Canceled]);

    /// <summary>Deposits and withdrawals: time (created), currency, amount, fee, status.</summary>
    public static HistoryColumns Transfers { get; } = new(
        [HistoryQuery.TimeColumn, "currency", "amount", "fee", "status"],
        [.. Enum.GetValues<TransactionState>().Select(s => s.ToString().ToLowerInvariant())]);

    public IReadOnlyList<string> SortColumns { get; }

    public IReadOnlyList<string> Statuses { get; }

    /// <summary>The columns of <paramref name="kind"/>.</summary>
    public static HistoryColumns For(LedgerKind kind) => kind switch
    {
        LedgerKind.Trades => Trades,
        LedgerKind.Orders => Orders,
        LedgerKind.Deposits or LedgerKind.Withdrawals => Transfers,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

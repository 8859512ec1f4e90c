using AllexPortal.Web.Access;
using AllexPortal.Web.History;
using AllexPortal.Web.Ledger;

namespace AllexPortal.Web.Amounts;

/// <summary>
/// The history grids of a member without amounts: the same pages as <see cref="HistoryService"/> (same access
/// checks, filters and paging), with every row and total projected to what is not an amount before it is returned,
/// so no size, price, volume or fee reaches the circuit. Sorting by an amount column and searching ids are refused:
/// an order by size, or a search that matches a note or an address, would tell amounts without showing them.
/// </summary>
public sealed class HistoryWithoutAmounts(HistoryService history)
{
    /// <summary>The sort columns of fills without amounts.</summary>
    public static IReadOnlyList<string> TradeSorts { get; } = [HistoryQuery.TimeColumn, "symbol", "side"];

    /// <summary>The sort columns of orders without amounts.</summary>
    public static IReadOnlyList<string> OrderSorts { get; } = [HistoryQuery.TimeColumn, "symbol", "side", "type", "status"];

    /// <summary>The sort columns of deposits and withdrawals without amounts.</summary>
    public static IReadOnlyList<string> TransferSorts { get; } = [HistoryQuery.TimeColumn, "currency", "status"];

    /// <summary>A page of fills without amounts; the totals hold the count only.</summary>
    /// <exception cref="HistoryQueryException">An amount sort, a search, or anything <see cref="HistoryService"/> refuses.</exception>
    public async Task<HistoryPage<TradeActivity>> TradesAsync(string userId, HistoryQuery query, CancellationToken cancellationToken = default)
    {
        var page = await history.TradesAsync(userId, Checked(query, TradeSorts), PortalPermission.View, cancellationToken);
        return Project(page, TradeActivity.Of);
    }

    /// <summary>A page of orders without amounts; the totals hold the count and the count per status.</summary>
    /// <exception cref="HistoryQueryException">An amount sort, a search, or anything <see cref="HistoryService"/> refuses.</exception>
    public async Task<HistoryPage<OrderActivity>> OrdersAsync(string userId, HistoryQuery query, CancellationToken cancellationToken = default)
    {
        var page = await history.OrdersAsync(userId, Checked(query, OrderSorts), PortalPermission.View, cancellationToken);
        return Project(page, OrderActivity.Of);
    }

    /// <summary>A page of deposits or withdrawals without amounts; the totals hold the count and the count per state.</summary>
    /// <exception cref="HistoryQueryException">An amount sort, a search, or anything <see cref="HistoryService"/> refuses.</exception>
    public async Task<HistoryPage<TransferActivity>> TransfersAsync(
        string userId, TransferDirection direction, HistoryQuery query, CancellationToken cancellationToken = default)
    {
        var page = await history.TransfersAsync(userId, direction, Checked(query, TransferSorts), PortalPermission.View, cancellationToken);
        return Project(page, TransferActivity.Of);
    }

    /// <summary>The query with its amount sort and search removed, for a page that reads a shared link: the grid then
    /// shows what it may instead of refusing the whole link.</summary>
    public static HistoryQuery WithoutAmountTerms(HistoryQuery query, IReadOnlyList<string> sorts)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(sorts);
        var q = query.Normalised();
        return q with { Search = null, Sort = sorts.Contains(q.SortColumn) ? q.Sort : null };
    }

    private static HistoryQuery Checked(HistoryQuery query, IReadOnlyList<string> sorts)
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = query.Normalised();
        if (q.Search is not null)
        {
            throw new HistoryQueryException("Searching by id is not available without amounts.");
        }

        return sorts.Contains(q.SortColumn)
            ? q
            : throw new HistoryQueryException($"Sorting by '{q.Sort}' is not available without amounts. Use one of: {string.Join(", ", sorts)}.");
    }

    private static HistoryPage<TActivity> Project<TRow, TActivity>(HistoryPage<TRow> page, Func<TRow, TActivity> project) =>
        new([.. page.Rows.Select(project)], page.TotalCount, new HistoryTotals { Count = page.Totals.Count, CountByStatus = page.Totals.CountByStatus }, page.NextCursor);
}

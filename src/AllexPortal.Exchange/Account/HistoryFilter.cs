using AllexPortal.Exchange.Paging;

namespace AllexPortal.Exchange.Account;

/// <summary>
/// Filters shared by the paged history endpoints. <see cref="PageSize"/> defaults to 50 because several Kit
/// lists clamp to 50 silently; the exchange documents 100 as the maximum.
/// </summary>
public sealed record HistoryFilter
{
    /// <summary>Pair (trades, orders) or coin (deposits, withdrawals) to restrict to.</summary>
    public string? Symbol { get; init; }

    public DateTimeOffset? StartDate { get; init; }
    public DateTimeOffset? EndDate { get; init; }
    public SortOrder Order { get; init; } = SortOrder.Desc;
    public int PageSize { get; init; } = Paging.PageSize.Default;

    /// <summary>The query for one page of this filter, sorted by <paramref name="orderBy"/>.</summary>
    public PageQuery ToPage(int page, int limit, string? orderBy = null) => new()
    {
        Limit = limit,
        Page = page,
        OrderBy = orderBy,
        Order = Order,
        StartDate = StartDate,
        EndDate = EndDate,
    };
}

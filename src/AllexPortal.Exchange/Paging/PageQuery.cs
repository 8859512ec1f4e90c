using AllexPortal.Exchange.Account;
using Refit;

namespace AllexPortal.Exchange.Paging;

/// <summary>
/// The query parameters every <c>{count, data}</c> list shares. Unset values are left out of the URL, so the
/// exchange applies its defaults; dates are sent as UTC ISO-8601 with milliseconds.
/// </summary>
public sealed record PageQuery
{
    [AliasAs("limit")]
    public int? Limit { get; init; }

    [AliasAs("page")]
    public int? Page { get; init; }

    [AliasAs("order_by")]
    public string? OrderBy { get; init; }

    [AliasAs("order")]
    public SortOrder? Order { get; init; }

    [AliasAs("start_date")]
    public DateTimeOffset? StartDate { get; init; }

    [AliasAs("end_date")]
    public DateTimeOffset? EndDate { get; init; }
}

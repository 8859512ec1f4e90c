namespace AllexPortal.Web.History;

/// <summary>One page of a history grid with what the whole filter selects: its row count and totals.</summary>
/// <param name="Rows">The page's rows, in the requested order.</param>
/// <param name="TotalCount">Rows the filter selects across all pages.</param>
/// <param name="Totals">Sums for the filter (not only this page).</param>
/// <param name="NextCursor">Keyset cursor for the following page in the default time order (pass it as
/// <see cref="HistoryQuery.After"/>); null when this page is the last or another sort is used.</param>
public sealed record HistoryPage<T>(IReadOnlyList<T> Rows, int TotalCount, HistoryTotals Totals, string? NextCursor = null);

namespace AllexPortal.Web.Ledger.Sync;

/// <summary>One page of a history as read: its rows, its 1-based number, the page size it was served with and the
/// exchange's total for the window.</summary>
internal sealed record HistoryPage<T>(int Number, IReadOnlyList<T> Rows, int PageSize, int Total);

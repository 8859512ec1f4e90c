using System.Runtime.CompilerServices;
using AllexPortal.Exchange.Paging;

namespace AllexPortal.Web.Ledger.Sync;

/// <summary>
/// Walks a <c>{count, data}</c> list page by page for the sync. Unlike <c>PageReader</c> it does not take a short
/// first page for the end: when page 1 holds fewer rows than asked while <c>count</c> says more exist, the exchange
/// clamps the page size, and the walk goes on with the size it actually serves (page N of size n starts at row
/// (N-1)·n whatever limit the server applies), so no row is skipped.
/// </summary>
internal static class HistoryPageReader
{
    public static async IAsyncEnumerable<HistoryPage<T>> ReadAsync<T>(
        Func<int, int, CancellationToken, Task<Paged<T>>> fetchPage,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var limit = PageSize.Clamp(pageSize);
        long read = 0;
        for (var number = 1; ; number++)
        {
            var page = await fetchPage(number, limit, cancellationToken);
            var rows = page.Data;
            if (number == 1 && rows.Count > 0 && rows.Count < limit && page.Count > rows.Count)
            {
                limit = rows.Count;
            }

            read += rows.Count;
            yield return new HistoryPage<T>(number, rows, limit, page.Count);
            if (rows.Count == 0 || rows.Count < limit || read >= page.Count)
            {
                yield break;
            }
        }
    }
}

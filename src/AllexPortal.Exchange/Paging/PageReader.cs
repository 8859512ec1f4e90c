using System.Runtime.CompilerServices;

namespace AllexPortal.Exchange.Paging;

/// <summary>
/// Walks a <c>{count, data}</c> list page by page until <c>count</c> rows were read or a page is empty.
/// </summary>
/// <remarks>
/// Some lists clamp the page size silently (asked for 100, a Kit exchange serves 50). A page shorter than asked while
/// <c>count</c> says more rows follow is such a clamp, not the end: the reader goes on at the served size, numbering
/// pages by it, so it neither stops early nor skips or repeats a row. A short page that cannot be such a clamp (the
/// rows read so far are not a whole number of pages of its size) ends the walk, as an empty page does.
/// </remarks>
public static class PageReader
{
    /// <summary>Yields every row; <paramref name="fetchPage"/> gets the 1-based page and the page size.</summary>
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(
        Func<int, int, CancellationToken, Task<Paged<T>>> fetchPage,
        int pageSize = PageSize.Default,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        var limit = PageSize.Clamp(pageSize);
        var read = 0;
        var page = 1;
        while (true)
        {
            var current = await fetchPage(page, limit, cancellationToken).ConfigureAwait(false);
            foreach (var row in current.Data)
            {
                yield return row;
            }

            var served = current.Data.Count;
            read += served;
            if (served == 0 || read >= current.Count)
            {
                yield break;
            }

            if (served < limit)
            {
                if (read % served != 0)
                {
                    yield break;
                }

                limit = served;
                page = read / served;
            }

            page++;
        }
    }
}

using System.Runtime.CompilerServices;

namespace AllexPortal.Exchange.Paging;

/// <summary>
/// Walks a <c>{count, data}</c> list page by page. It stops when <c>count</c> rows were read, when a page
/// comes back short (an exchange that clamps the page size still ends cleanly), or when a page is empty.
/// </summary>
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
        for (var page = 1; ; page++)
        {
            var current = await fetchPage(page, limit, cancellationToken).ConfigureAwait(false);
            foreach (var row in current.Data)
            {
                yield return row;
            }

            read += current.Data.Count;
            if (current.Data.Count == 0 || read >= current.Count || current.Data.Count < limit)
            {
                yield break;
            }
        }
    }
}

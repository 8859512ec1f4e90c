using System.Collections.Concurrent;

namespace AllexPortal.Web.Reports;

/// <summary>
/// Computed reports held in this process's memory (not the database): by request, so an unchanged ledger is not
/// recomputed, and by id, for downloads. Each user keeps their <see cref="PerUser"/> newest reports; older ones
/// are dropped (a download of one answers 404 and the page computes it again). A restart empties the cache.
/// </summary>
public sealed class ReportCache
{
    /// <summary>How many reports one user keeps; a million-trade report holds about a million rows.</summary>
    public const int PerUser = 4;

    private readonly ConcurrentDictionary<string, LinkedList<ComputedReport>> byUser = new(StringComparer.Ordinal);

    /// <summary>The user's report for <paramref name="request"/> if it was computed from the ledger as <paramref name="stamp"/> says it is now.</summary>
    public ComputedReport? Find(string userId, ReportRequest request, LedgerStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!byUser.TryGetValue(userId, out var reports))
        {
            return null;
        }

        lock (reports)
        {
            return reports.FirstOrDefault(r => r.Request.CacheKey == request.CacheKey && r.Stamp.Equals(stamp));
        }
    }

    /// <summary>The report with id <paramref name="reportId"/> if it is <paramref name="userId"/>'s; null otherwise.</summary>
    public ComputedReport? Get(string userId, Guid reportId)
    {
        if (!byUser.TryGetValue(userId, out var reports))
        {
            return null;
        }

        lock (reports)
        {
            return reports.FirstOrDefault(r => r.Id == reportId);
        }
    }

    /// <summary>Keeps <paramref name="report"/>, replacing an older one for the same request and dropping the oldest beyond <see cref="PerUser"/>.</summary>
    public void Add(ComputedReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var reports = byUser.GetOrAdd(report.OwnerId, _ => new LinkedList<ComputedReport>());
        lock (reports)
        {
            for (var node = reports.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value.Request.CacheKey == report.Request.CacheKey)
                {
                    reports.Remove(node);
                }

                node = next;
            }

            reports.AddFirst(report);
            while (reports.Count > PerUser)
            {
                reports.RemoveLast();
            }
        }
    }
}

using System.Collections.Concurrent;
using AllexPortal.Core.Tax;
using AllexPortal.Core.Tax.Exports;
using AllexPortal.Core.Tax.Pricing;
using AllexPortal.Exchange.Errors;
using System.Security.Cryptography;
using System.Text;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Coordination;

namespace AllexPortal.Web.Reports;

/// <summary>
/// Runs report computations in the background, one per user at a time (a new request cancels the user's running
/// one), and reuses a cached report while the ledgers it was computed from have not changed.
/// </summary>
/// <remarks>
/// A page calls <see cref="StartAsync"/> from a click handler; that only checks ownership and queues the work, so the
/// circuit stays responsive. Stages: checking the connections, reading the ledger (most of the time on a large
/// ledger, reported per 5,000 rows), fetching hourly closes in one batch, matching lots. With several portal
/// instances on one database the same report of the same user is computed by one instance at a time (the job holds
/// <see cref="LeaseName"/>; a job asked for on another instance meanwhile waits for it, then computes from the
/// ledger as it is then), so two tabs on two instances never double a million-row computation.
/// </remarks>
public sealed class ReportJobs(
    ReportLedger ledger, ReportCache cache, IReportPrices prices, LeaseStore leases, TimeProvider time, ILogger<ReportJobs> logger)
{
    /// <summary>The stage a job shows while another instance computes the same report.</summary>
    public const string WaitingStage = "Waiting: another portal instance is computing this report";

    private readonly ConcurrentDictionary<string, ReportJob> current = new(StringComparer.Ordinal);

    /// <summary>The user's latest job (running or finished), if any in this process.</summary>
    public ReportJob? Current(string userId) => current.TryGetValue(userId, out var job) ? job : null;

    /// <summary>
    /// Checks that every connection of <paramref name="request"/> is <paramref name="userId"/>'s, then computes the
    /// report in the background (or takes it from the cache) and returns the job to watch.
    /// </summary>
    /// <exception cref="ConnectionNotFoundException">A connection is not the user's, or does not exist.</exception>
    /// <exception cref="ArgumentException">The request names no connection.</exception>
    public async Task<ReportJob> StartAsync(string userId, ReportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(request);
        var owned = await ledger.OwnedAsync(userId, request.ConnectionIds, cancellationToken);
        var job = new ReportJob(userId, request);
        if (current.TryGetValue(userId, out var previous))
        {
            previous.Cancel();
        }

        current[userId] = job;
        if (cache.Find(userId, request, owned.Stamp) is { } cached)
        {
            job.Complete(cached, fromCache: true);
            return job;
        }

        _ = Task.Run(() => RunAsync(job, owned), CancellationToken.None);
        return job;
    }

    /// <summary>The lease of one user's report for one request (hashed: user ids and requests are long).</summary>
    public static string LeaseName(string userId, ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{userId}\n{request.CacheKey}"));
        return $"report:{Convert.ToHexStringLower(hash)}";
    }

    private async Task RunAsync(ReportJob job, OwnedConnections owned)
    {
        var token = job.Token;
        try
        {
            await using var lease = await AcquireAsync(job, token);
            using var work = CancellationTokenSource.CreateLinkedTokenSource(token, lease.Lost);
            await ComputeAsync(job, owned, work.Token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            job.Cancelled();
        }
        catch (ExchangeApiException failure)
        {
            logger.LogWarning("Report prices could not be fetched: {Kind} {Status}", failure.Kind, failure.StatusCode);
            job.Fail("Historical prices could not be fetched from the exchange. Try again in a few minutes.");
        }
#pragma warning disable CA1031 // A background job must end in a state the page can show, whatever failed.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            logger.LogError(failure, "Report {JobId} failed", job.Id);
            job.Fail("The report could not be computed. Try again; if it keeps failing, the portal's log says why.");
        }
    }

    /// <summary>The report's lease, waiting (and saying so on the job) while another instance holds it.</summary>
    private async Task<Lease> AcquireAsync(ReportJob job, CancellationToken token)
    {
        var name = LeaseName(job.OwnerId, job.Request);
        if (await leases.TryAcquireAsync(name, token) is { } lease)
        {
            return lease;
        }

        job.Advance(WaitingStage, 0.01);
        return await leases.AcquireAsync(name, token);
    }

    private async Task ComputeAsync(ReportJob job, OwnedConnections owned, CancellationToken token)
    {
        var request = job.Request;
        var options = request.ToOptions();
        job.Advance("Reading the ledger", 0.02);
        var transactions = await ledger.ReadAsync(request.ConnectionIds, request.Period.End, new ReadingProgress(job), token);
        var events = transactions.Select(t => t.Event).ToList();

        job.Advance("Fetching historical prices", 0.65);
        var keys = PriceRequirements.Collect(events, options);
        var table = keys.Count == 0 ? PriceTable.Empty : new PriceTable(await prices.For(owned.Exchanges).GetHourlyClosesAsync(keys, token));

        token.ThrowIfCancellationRequested();
        job.Advance("Matching disposals to lots", 0.85);
        var report = CostBasisEngine.Run(events, options, table);
        var inPeriod = transactions.Where(t => request.Period.Contains(t.Time)).ToList();
        var computed = new ComputedReport
        {
            Id = Guid.NewGuid(),
            OwnerId = job.OwnerId,
            Request = request,
            ConnectionLabels = owned.Labels,
            Report = report,
            Transactions = inPeriod,
            Figures = ReportFigures.From(report, inPeriod),
            Stamp = owned.Stamp,
            ComputedAt = time.GetUtcNow(),
        };
        token.ThrowIfCancellationRequested();
        cache.Add(computed);
        job.Complete(computed, fromCache: false);
    }

    /// <summary>Maps the share of ledger rows read onto the job's progress, on the reading thread (in order, unlike
    /// <see cref="Progress{T}"/>, which posts each report to the thread pool).</summary>
    private sealed class ReadingProgress(ReportJob job) : IProgress<double>
    {
        public void Report(double value) => job.Advance("Reading the ledger", 0.02 + (0.6 * value));
    }
}

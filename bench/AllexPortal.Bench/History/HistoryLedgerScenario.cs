using System.Diagnostics;
using System.Globalization;
using System.Text;
using AllexPortal.Web.Access;
using AllexPortal.Web.Audit;
using AllexPortal.Web.Data;
using AllexPortal.Web.History;
using AllexPortal.Web.Ledger;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;

namespace AllexPortal.Bench.History;

/// <summary>
/// Load scenario for issue 6 (run with <c>history-ledger</c>, see docs/benchmarks.md): p50/p95 of history page
/// queries over a 1 M-fill SQLite ledger, with and without filters, the plans SQLite chooses for them, and CSV
/// export throughput with peak memory growth. A hand-timed scenario rather than BenchmarkDotNet because it
/// reports percentiles over many calls and samples peak memory during an export.
/// </summary>
public static class HistoryLedgerScenario
{
    public static async Task RunAsync(string[] args)
    {
        // --quick: a 100 k ledger and 10 timed calls, for a before/after check in a couple of minutes.
        var quick = args.Contains("--quick");
        var trades = args.SkipWhile(a => a != "--trades").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(quick ? 100_000 : 1_000_000);
        var iterations = args.SkipWhile(a => a != "--iterations").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(quick ? 10 : 200);
        var log = Console.Out;
        var ledger = await LedgerDatabase.OpenOrBuildAsync(trades, log);
        var captured = new CapturedCommands();
        var options = new DbContextOptionsBuilder<PortalDb>().UseSqlite($"Data Source={ledger.Path}").AddInterceptors(captured).Options;
        var factory = new PooledDbContextFactory<PortalDb>(options);
        using var sharedCache = new MemoryCache(new MemoryCacheOptions());
        var access = new PortalAccess(factory, new AuditLog(factory, new ClientAddress(new HttpContextAccessor()), TimeProvider.System), NullLogger<PortalAccess>.Instance);
        var service = new HistoryService(factory, access, sharedCache);

        var (symbol, from, to, orderId) = await SampleValuesAsync(factory, ledger);
        // Serving page N-1 remembers where page N starts (as a grid paging forward does).
        var deepPage = await service.TradesAsync(ledger.UserId, new HistoryQuery { Page = trades / 2 / 50 - 1 }, CancellationToken.None);
        var deep = trades / 2 / 50;
        var scenarios = new (string Name, HistoryQuery Query)[]
        {
            ("first page (time desc)", new HistoryQuery()),
            ($"deep page by number, jumped to (page {deep:N0} of 51 rows, offset {deep * 51:N0})", new HistoryQuery { Page = deep, PageSize = 51 }),
            ($"deep page by number after page {deep - 1:N0} was served (remembered cursor)", new HistoryQuery { Page = deep }),
            ("deep page by cursor (same rows)", new HistoryQuery { After = deepPage.NextCursor }),
            ($"symbol {symbol} + 30-day window", new HistoryQuery { Symbol = symbol, From = from, To = to }),
            ($"coin {symbol[..symbol.IndexOf('-', StringComparison.Ordinal)]} (base or quote), side sell", new HistoryQuery { Symbol = symbol[..symbol.IndexOf('-', StringComparison.Ordinal)], Side = AllexPortal.Exchange.Market.OrderSide.Sell }),
            ($"text search '{orderId[..8]}' (order id prefix)", new HistoryQuery { Search = orderId[..8] }),
            ("sort by amount (desc), first page", new HistoryQuery { Sort = "amount" }),
            ("sort by amount (asc), page 3", new HistoryQuery { Sort = "amount", Descending = false, Page = 3 }),
            ($"oldest first, page {deep + 7:N0} jumped to", new HistoryQuery { Descending = false, Page = deep + 7 }),
        };

        var pages = !args.Contains("--export-only");
        // --only <text>: the page scenarios whose name contains it; --pages-only: no export; --show-sql: each page's SQL.
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        if (only is not null)
        {
            scenarios = [.. scenarios.Where(s => s.Name.Contains(only, StringComparison.OrdinalIgnoreCase))];
        }
        log.WriteLine();
        log.WriteLine($"Machine: {Environment.ProcessorCount} cores; load average at start: {LoadAverage()}.");
        log.WriteLine($"History pages over {trades:N0} fills, page size 50, after 3 warm-ups.");
        log.WriteLine($"Warm: totals cached (the grid paging or re-sorting one filter), {iterations} timed calls (5 where one call takes over 200 ms).");
        log.WriteLine("Cold: a filter seen for the first time, totals summed (3 calls, each with an empty cache).");
        log.WriteLine();
        log.WriteLine("| query | rows | matches | warm p50 | warm p95 | cold p50 | cold max |");
        log.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, query) in pages ? scenarios : [])
        {
            var page = await service.TradesAsync(ledger.UserId, query, CancellationToken.None);
            for (var i = 0; i < 2; i++)
            {
                await service.TradesAsync(ledger.UserId, query, CancellationToken.None);
            }
            var probe = Stopwatch.StartNew();
            await service.TradesAsync(ledger.UserId, query, CancellationToken.None);
            var n = probe.ElapsedMilliseconds > 200 ? 5 : iterations;
            var warm = await TimeAsync(n, () => service.TradesAsync(ledger.UserId, query, CancellationToken.None));
            var cold = await TimeAsync(3, async () =>
            {
                using var fresh = new MemoryCache(new MemoryCacheOptions());
                await new HistoryService(factory, access, fresh).TradesAsync(ledger.UserId, query, CancellationToken.None);
            });
            log.WriteLine($"| {name} | {page.Rows.Count} | {page.TotalCount:N0} | {Ms(Percentile(warm, 0.50))} | {Ms(Percentile(warm, 0.95))} | {Ms(Percentile(cold, 0.50))} | {Ms(cold.Max())} |");
        }

        log.WriteLine();
        log.WriteLine("Query plans (EXPLAIN QUERY PLAN of the SQL EF Core sent for a warm page):");
        foreach (var (name, query) in pages ? scenarios : [])
        {
            captured.Commands.Clear();
            captured.Enabled = true;
            await service.TradesAsync(ledger.UserId, query, CancellationToken.None);
            captured.Enabled = false;
            var page = captured.Commands.FirstOrDefault(c => c.Sql.Contains("LIMIT", StringComparison.Ordinal));
            log.WriteLine($"- {name}: {await PlanAsync(ledger.Path, page.Sql, page.Parameters)}");
            if (args.Contains("--show-sql"))
            {
                log.WriteLine($"  ```sql\n{page.Sql}\n  ```");
            }
        }

        if (args.Contains("--pages-only"))
        {
            return;
        }

        log.WriteLine();
        log.WriteLine("CSV export into a counting sink (the response body's stand-in), 3 runs each:");
        log.WriteLine();
        log.WriteLine("| export | rows | bytes | best rows/s | median rows/s | rows per CPU-second (best) | peak managed growth | peak working-set growth | allocated |");
        log.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, query, reader) in new (string, HistoryQuery, bool)[]
        {
            ("all fills (ExportTradesCsvAsync: SQLite statement API, UTF-8 cells decoded into the block)", new HistoryQuery(), true),
            ($"symbol {symbol} (ExportTradesCsvAsync)", new HistoryQuery { Symbol = symbol }, true),
            ("all fills (EF entities: StreamTradesAsync + WriteTradesAsync)", new HistoryQuery(), false),
        })
        {
            var runs = new List<ExportRun>();
            for (var i = 0; i < 3; i++)
            {
                runs.Add(await ExportAsync(service, ledger, query, reader));
            }
            var rates = runs.Select(r => r.Rows / r.Elapsed.TotalSeconds).Order().ToList();
            log.WriteLine($"| {name} | {runs[0].Rows:N0} | {runs[0].Bytes:N0} | {rates[^1]:N0} | {rates[1]:N0} | {runs.Max(r => r.Rows / r.Cpu.TotalSeconds):N0} | {Mb(runs.Max(r => r.PeakManagedGrowth))} | {Mb(runs.Max(r => r.PeakWorkingSetGrowth))} | {Mb(runs.Max(r => r.Allocated))} |");
        }
    }

    private sealed record ExportRun(long Rows, long Bytes, TimeSpan Elapsed, TimeSpan Cpu, long PeakManagedGrowth, long PeakWorkingSetGrowth, long Allocated);

    private static async Task<ExportRun> ExportAsync(HistoryService service, LedgerDatabase ledger, HistoryQuery query, bool reader)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var managedBase = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetBase = Environment.WorkingSet;
        var allocatedBase = GC.GetTotalAllocatedBytes(precise: true);
        long peakManaged = 0;
        long peakWorkingSet = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false) - managedBase);
                peakWorkingSet = Math.Max(peakWorkingSet, Environment.WorkingSet - workingSetBase);
                await Task.Delay(5, CancellationToken.None);
            }
        }, CancellationToken.None);

        var cpuBase = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var scope = await service.ScopeAsync(ledger.UserId, query, CancellationToken.None);
        var sink = new CountingStream();
        long rows;
        await using (var text = new StreamWriter(sink, new UTF8Encoding(false), 32 * 1024, leaveOpen: true))
        {
            rows = reader
                ? await service.ExportTradesCsvAsync(scope, query, text, CancellationToken.None)
                : await HistoryCsv.WriteTradesAsync(service.StreamTradesAsync(scope, query, CancellationToken.None), scope, text, CancellationToken.None);
        }
        watch.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBase;
        await stop.CancelAsync();
        await sampler;
        return new ExportRun(rows, sink.Length, watch.Elapsed, cpu, peakManaged, peakWorkingSet, GC.GetTotalAllocatedBytes(precise: true) - allocatedBase);
    }

    private static async Task<(string Symbol, DateTimeOffset From, DateTimeOffset To, string OrderId)> SampleValuesAsync(IDbContextFactory<PortalDb> factory, LedgerDatabase ledger)
    {
        await using var db = await factory.CreateDbContextAsync();
        var middle = await db.LedgerTrades.AsNoTracking().Where(t => t.Id == ledger.Trades / 2).SingleAsync();
        return (middle.Symbol, middle.Timestamp.AddDays(-15), middle.Timestamp.AddDays(15), middle.OrderId ?? middle.Key);
    }

    private static async Task<List<double>> TimeAsync(int count, Func<Task> call)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return times;
    }

    private static async Task<string> PlanAsync(string path, string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        // EF Core registers this collation on its own connections for ORDER BY on decimal columns.
        connection.CreateCollation("EF_DECIMAL", (x, y) => decimal.Compare(decimal.Parse(x, CultureInfo.InvariantCulture), decimal.Parse(y, CultureInfo.InvariantCulture)));
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }
        return string.Join("; ", steps);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "F2" : "F1", CultureInfo.InvariantCulture) + " ms";

    private static string Mb(long bytes) => (bytes / 1024d / 1024d).ToString("F1", CultureInfo.InvariantCulture) + " MB";

    /// <summary>A write-only sink that counts bytes, standing in for the response body.</summary>
    private sealed class CountingStream : Stream
    {
        private long length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => length;

        public override long Position { get => length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => length += count;

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            length += count;
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}

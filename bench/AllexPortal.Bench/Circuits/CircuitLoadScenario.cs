using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace AllexPortal.Bench.Circuits;

/// <summary>
/// Load scenario for issue 10 (run with <c>circuits</c>, see docs/benchmarks.md): the demo portal on loopback,
/// dashboard tabs opened in one headless Debian Chromium in growing steps (50, 100, 200 by default), reporting the
/// server's retained managed memory per circuit after first render and after an idle period, the p50/p95 time to an
/// interactive dashboard, and the sandbox exchange calls per view (public market data and authenticated).
/// </summary>
public static class CircuitLoadScenario
{
    private const string Total = "[data-testid=total-card] [data-testid=value-amount]";

    public static async Task RunAsync(string[] args)
    {
        var steps = Option(args, "--circuits", "50,100,200").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var idle = TimeSpan.FromSeconds(int.Parse(Option(args, "--idle", "30"), CultureInfo.InvariantCulture));
        var parallel = int.Parse(Option(args, "--parallel", "4"), CultureInfo.InvariantCulture);
        // --path: the page every tab opens after the cold dashboard view (default the dashboard), to split a circuit's
        // memory between the layout and a page.
        var path = Option(args, "--path", "/");
        // --hold: seconds to wait after each step with every tab still open, so a heap dump can be taken
        // (dotnet-dump collect -p PID --type Heap); the difference of two steps' dumps is what the added circuits hold.
        var hold = TimeSpan.FromSeconds(int.Parse(Option(args, "--hold", "0"), CultureInfo.InvariantCulture));
        var chromium = Environment.GetEnvironmentVariable("ALLEXPORTAL_CHROMIUM") is { Length: > 0 } browserPath ? browserPath : "/usr/bin/chromium";
        var log = Console.Out;

        await using var portal = new BenchPortal();
        portal.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--renderer-process-limit=8", "--disable-renderer-backgrounding",
                "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows",
            ],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });

        log.WriteLine($"Portal at {portal.BaseUrl} (demo mode, SQLite); Chromium {browser.Version}; {Environment.ProcessorCount} cores; load average {LoadAverage()}; tabs open {path}.");

        // The first (cold) view signs the demo user in; every later tab shares the context's cookie.
        var first = await context.NewPageAsync();
        portal.Calls.Reset();
        var coldWatch = Stopwatch.StartNew();
        await first.GotoAsync("/Account/Login");
        await first.ClickAsync("[data-testid=try-demo]");
        await first.WaitForURLAsync(portal.BaseUrl + "/");
        await WaitForDashboardAsync(first);
        coldWatch.Stop();
        var cold = portal.Calls.Snapshot();
        log.WriteLine($"Cold view (sign-in + dashboard): {coldWatch.Elapsed.TotalMilliseconds:F0} ms; exchange calls: {cold.Public} public, {cold.Private} authenticated ({cold.Detail}).");
        await first.CloseAsync();
        await SettleAsync(portal, 0);

        var clientOverhead = await PlaywrightOverheadPerPageAsync(context, 50);
        log.WriteLine($"Playwright's own objects per open blank page in this process: {Kb(clientOverhead)} (subtracted below).");

        var baseline = Heap();
        log.WriteLine($"Managed heap with no circuit open: {Mb(baseline)}.");
        log.WriteLine();
        log.WriteLine($"| circuits | new views | TTI p50 | TTI p95 | TTI max | public calls / new view | authenticated calls / new view | retained per circuit after render | retained per circuit after {idle.TotalSeconds:F0} s idle | server working set |");
        log.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");

        var pages = new List<IPage>();
        foreach (var target in steps)
        {
            var fresh = target - pages.Count;
            portal.Calls.Reset();
            var times = new List<double>();
            using var gate = new SemaphoreSlim(parallel);
            var opening = Enumerable.Range(0, fresh).Select(async _ =>
            {
                await gate.WaitAsync();
                try
                {
                    var page = await context.NewPageAsync();
                    var start = Stopwatch.GetTimestamp();
                    await page.GotoAsync(path);
                    await (path == "/" ? WaitForDashboardAsync(page) : page.WaitForSelectorAsync("[data-interactive=true]", new PageWaitForSelectorOptions { Timeout = 120_000 }));
                    lock (times)
                    {
                        times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                        pages.Add(page);
                    }
                }
                finally
                {
                    gate.Release();
                }
            }).ToList();
            await Task.WhenAll(opening);
            var calls = portal.Calls.Snapshot();
            await SettleAsync(portal, pages.Count);
            var afterRender = (Heap() - baseline) / (double)pages.Count - clientOverhead;
            await Task.Delay(idle);
            var afterIdle = (Heap() - baseline) / (double)pages.Count - clientOverhead;
            log.WriteLine($"| {pages.Count} (open circuits: {portal.Circuits.Open}) | {fresh} | {Ms(Percentile(times, 0.5))} | {Ms(Percentile(times, 0.95))} | {Ms(times.Max())} | {calls.Public / (double)fresh:F2} | {calls.Private / (double)fresh:F2} | {Kb(afterRender)} | {Kb(afterIdle)} | {Mb(Environment.WorkingSet)} |");
            if (calls.Public > 0)
            {
                log.WriteLine($"  public calls of this step: {calls.Detail}");
            }
            if (hold > TimeSpan.Zero)
            {
                log.WriteLine($"  holding {pages.Count} tabs for {hold.TotalSeconds:F0} s (process {Environment.ProcessId})");
                await Task.Delay(hold);
            }
        }

        foreach (var page in pages)
        {
            await page.CloseAsync();
        }
    }

    /// <summary>What one open page costs this process on the Playwright client's side (the bench shares the server's
    /// heap), measured over blank pages that open no circuit.</summary>
    private static async Task<double> PlaywrightOverheadPerPageAsync(IBrowserContext context, int count)
    {
        var before = Heap();
        var blank = new List<IPage>();
        for (var i = 0; i < count; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("about:blank");
            blank.Add(page);
        }
        var overhead = (Heap() - before) / (double)count;
        foreach (var page in blank)
        {
            await page.CloseAsync();
        }
        return Math.Max(0, overhead);
    }

    private static async Task WaitForDashboardAsync(IPage page)
    {
        var wait = new PageWaitForSelectorOptions { Timeout = 120_000 };
        await page.WaitForSelectorAsync("[data-interactive=true]", wait);
        await page.WaitForSelectorAsync(Total, wait);
        await page.WaitForSelectorAsync("[data-testid=allocation-chart] svg", wait);
        await page.WaitForSelectorAsync("[data-testid=history-chart] svg", wait);
    }

    /// <summary>Waits until the server holds exactly <paramref name="circuits"/> circuits and its heap stops shrinking.</summary>
    private static async Task SettleAsync(BenchPortal portal, int circuits)
    {
        for (var i = 0; i < 100 && portal.Circuits.Open != circuits; i++)
        {
            await Task.Delay(100);
        }
        await Task.Delay(2000);
        Heap();
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string Option(string[] args, string name, string fallback) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Ms(double ms) => ms.ToString("F0", CultureInfo.InvariantCulture) + " ms";

    private static string Kb(double bytes) => (bytes / 1024).ToString("F0", CultureInfo.InvariantCulture) + " KB";

    private static string Mb(long bytes) => (bytes / 1024d / 1024d).ToString("F1", CultureInfo.InvariantCulture) + " MB";
}

namespace AllexPortal.E2E.Infrastructure;

/// <summary>
/// Blazor prerenders: the page is visible before its circuit is interactive, so an early click can
/// do nothing. Interactive steps are retried every 250 ms for up to 15 s.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    /// <summary>Runs <paramref name="attempt"/> until it returns true; fails with <paramref name="what"/> after the limit.</summary>
    public static async Task SucceedsAsync(string what, Func<Task<bool>> attempt)
    {
        var deadline = DateTimeOffset.UtcNow + Limit;
        while (!await attempt())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"Gave up after {Limit.TotalSeconds:0} s waiting for: {what}");
            }

            await Task.Delay(Interval, TestContext.Current.CancellationToken);
        }
    }
}

namespace AllexPortal.Web.Tests.Ledger;

/// <summary>Waits for a background run to reach a state, polling every 100 ms up to a limit.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, int seconds = 60)
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTimeOffset.UtcNow > until)
            {
                throw new TimeoutException($"The condition did not hold within {seconds} s.");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> condition, int seconds = 60)
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > until)
            {
                throw new TimeoutException($"The condition did not hold within {seconds} s.");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}

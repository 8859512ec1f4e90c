using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace AllexPortal.Bench.Circuits;

/// <summary>
/// Counts the requests the embedded sandbox exchange receives, split into public market data (no <c>api-key</c>
/// header) and authenticated calls, by path.
/// </summary>
public sealed class ExchangeCallCounter
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> publicCalls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> privateCalls = new(StringComparer.Ordinal);

    public (int Public, int Private, string Detail) Snapshot()
    {
        lock (gate)
        {
            var detail = string.Join(", ", publicCalls.Select(p => $"public {p.Key} ×{p.Value}").Concat(privateCalls.Select(p => $"{p.Key} ×{p.Value}")));
            return (publicCalls.Values.Sum(), privateCalls.Values.Sum(), detail);
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            publicCalls.Clear();
            privateCalls.Clear();
        }
    }

    private void Record(bool authenticated, string path)
    {
        lock (gate)
        {
            var calls = authenticated ? privateCalls : publicCalls;
            calls[path] = calls.GetValueOrDefault(path) + 1;
        }
    }

    /// <summary>Puts the counting middleware in front of the portal's own pipeline.</summary>
    public sealed class Filter(ExchangeCallCounter counter, string prefix) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                if (context.Request.Path.StartsWithSegments(prefix, out var rest))
                {
                    counter.Record(context.Request.Headers.ContainsKey("api-key"), rest.Value ?? "");
                }
                await following(context);
            });
            next(app);
        };
    }
}

using System.Collections.Concurrent;

namespace AllexPortal.Sandbox.Hosting;

/// <summary>Counts the requests that reached the sandbox per method and path, so tests can prove that a client
/// sent something exactly once (or never), whatever faults answered it.</summary>
internal sealed class RequestTally
{
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string method, string path) => counts.AddOrUpdate(Key(method, path), 1, (_, n) => n + 1);

    public int Of(string method, string path) => counts.TryGetValue(Key(method, path), out var n) ? n : 0;

    private static string Key(string method, string path) => method.ToUpperInvariant() + " " + path.TrimEnd('/');
}

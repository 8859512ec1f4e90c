namespace AllexPortal.Sandbox.RateLimits;

/// <summary>The exchange's limits: a per-IP token bucket in front of everything (nginx) and fixed 2-minute
/// windows on login, signup and withdrawal requests (the Kit's express-limiter).</summary>
internal sealed class SandboxRateLimiter(RateLimitOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (double Tokens, long At)> _buckets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Count, DateTimeOffset WindowStart)> _windows = new(StringComparer.Ordinal);

    /// <summary>Null when allowed; otherwise the seconds to wait and whether the general (nginx) limit refused.</summary>
    public (int RetryAfter, bool General)? Check(string ip, string method, string path, string? authorization)
    {
        lock (_gate)
        {
            var route = RouteLimit(method, path);
            if (route is { } r && r.Limit > 0)
            {
                var key = r.Name + "|" + (r.ByToken && !string.IsNullOrEmpty(authorization) ? authorization : ip);
                var now = time.GetUtcNow();
                var window = _windows.TryGetValue(key, out var w) && now - w.WindowStart < options.Window ? w : (0, now);
                if (window.Item1 >= r.Limit)
                {
                    return ((int)Math.Ceiling((window.Item2 + options.Window - now).TotalSeconds), false);
                }
                _windows[key] = (window.Item1 + 1, window.Item2);
            }
            return options.GeneralPerSecond > 0 && !TakeToken(ip) ? (1, true) : null;
        }
    }

    private bool TakeToken(string ip)
    {
        var now = time.GetTimestamp();
        var capacity = Math.Max(1, options.GeneralBurst);
        var (tokens, at) = _buckets.TryGetValue(ip, out var bucket) ? bucket : (capacity, now);
        tokens = Math.Min(capacity, tokens + time.GetElapsedTime(at, now).TotalSeconds * options.GeneralPerSecond);
        if (tokens < 1)
        {
            _buckets[ip] = (tokens, now);
            return false;
        }
        _buckets[ip] = (tokens - 1, now);
        return true;
    }

    private (string Name, int Limit, bool ByToken)? RouteLimit(string method, string path) => (method, path) switch
    {
        ("POST", "/v2/login") => ("login", options.Login, false),
        ("POST", "/v2/signup") => ("signup", options.Signup, false),
        ("POST", "/v2/user/request-withdrawal") => ("withdrawal", options.WithdrawalRequest, true),
        _ => null,
    };
}

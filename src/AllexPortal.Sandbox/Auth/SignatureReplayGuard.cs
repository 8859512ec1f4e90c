namespace AllexPortal.Sandbox.Auth;

/// <summary>Remembers accepted signatures until their <c>api-expires</c> passes, so a captured request
/// cannot be replayed within its validity window. Callers hold the state lock.</summary>
internal sealed class SignatureReplayGuard
{
    private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
    private long _lastSweep;

    /// <summary>False when the signature was already used and has not yet expired.</summary>
    public bool TryUse(string signature, long expires, long nowSeconds)
    {
        if (nowSeconds - _lastSweep > 30)
        {
            foreach (var stale in _seen.Where(p => p.Value < nowSeconds).Select(p => p.Key).ToList())
            {
                _seen.Remove(stale);
            }
            _lastSweep = nowSeconds;
        }
        if (_seen.TryGetValue(signature, out var until) && until >= nowSeconds)
        {
            return false;
        }
        _seen[signature] = expires;
        return true;
    }
}

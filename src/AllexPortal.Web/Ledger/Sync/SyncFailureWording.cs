using AllexPortal.Exchange.Errors;

namespace AllexPortal.Web.Ledger.Sync;

/// <summary>
/// Words a failed sync for the status panel: the exchange client's own message (it already says what happened
/// and never holds a secret) plus what the user can do about it, and whether the rest of the run should stop.
/// </summary>
internal static class SyncFailureWording
{
    public const string RateLimited = "The exchange is rate-limiting; sync resumes at the next run.";

    public static string For(ExchangeApiException failure) => failure.Kind switch
    {
        ExchangeErrorKind.RateLimited => failure.RetryAfter is { } wait
            ? $"{RateLimited} (The exchange asked to wait {Math.Ceiling(wait.TotalSeconds):0} s.)"
            : RateLimited,
        ExchangeErrorKind.CredentialsRejected => $"{failure.Message} Rotate the key on the Connections page.",
        ExchangeErrorKind.PermissionDenied => $"{failure.Message} Rotate the key on the Connections page with one that can read.",
        _ => $"{failure.Message} The sync resumes where it stopped at the next run.",
    };

    /// <summary>True when the other histories would fail the same way, so the run stops instead of trying them.</summary>
    public static bool StopsRun(ExchangeApiException failure) => failure.Kind
        is ExchangeErrorKind.RateLimited or ExchangeErrorKind.CredentialsRejected or ExchangeErrorKind.PermissionDenied
        or ExchangeErrorKind.Unavailable or ExchangeErrorKind.Unreachable;
}

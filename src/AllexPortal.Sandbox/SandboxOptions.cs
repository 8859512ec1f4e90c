namespace AllexPortal.Sandbox;

/// <summary>Everything that shapes one sandbox run. The same seed and clock give the same markets,
/// demo history and identifiers, so tests and demos are reproducible.</summary>
public sealed class SandboxOptions
{
    /// <summary>Seed of every random choice (price paths, demo history, ids). Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Length of the demo user's history before start-up. Default 730 days.</summary>
    public int HistoryDays { get; set; } = 730;

    /// <summary>The demo user: fixed, documented credentials and about two years of activity.</summary>
    public SandboxAccountOptions Demo { get; set; } = SandboxAccountOptions.CreateDemo();

    /// <summary>Optional benchmark user with a very large history; off unless <see cref="SandboxAccountOptions.Enabled"/>.</summary>
    public SandboxAccountOptions Large { get; set; } = SandboxAccountOptions.CreateLarge();

    /// <summary>Serves <c>GET /user/balance-history</c>; switch off to exercise a client's fallback.</summary>
    public bool EnableBalanceHistory { get; set; } = true;

    /// <summary>Serves <c>GET /user/balance-pl</c>; switch off to exercise a client's fallback.</summary>
    public bool EnableProfitAndLoss { get; set; } = true;

    /// <summary>Maps the <c>/sandbox-admin/*</c> endpoints (faults, email codes). Off by default.</summary>
    public bool EnableAdmin { get; set; }

    /// <summary>Refuses an HMAC signature already accepted within its <c>api-expires</c> window (the real Kit
    /// does not). Clients that send identical requests in the same second with the same expiry must vary
    /// <c>api-expires</c>, or switch this off (e.g. when many portal users share the demo key).</summary>
    public bool RejectReplayedSignatures { get; set; } = true;

    /// <summary>Largest accepted page size; larger <c>limit</c> values are clamped. Default 100.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Amounts credited (as deposits) to every account created through <c>POST /signup</c>,
    /// so test users can trade at once. Keys are coin symbols.</summary>
    public Dictionary<string, decimal> SignupDeposits { get; set; } = new(StringComparer.Ordinal)
    {
        ["usdt"] = 100_000m,
        ["btc"] = 2m,
        ["eth"] = 20m,
        ["sol"] = 200m,
        ["xrp"] = 20_000m,
        ["trx"] = 100_000m,
    };

    /// <summary>How long a quick-trade quote's token can be executed. Default 30 s, as the exchange.</summary>
    public TimeSpan QuickTradeQuoteLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>When on, <c>POST /user/request-withdrawal</c> only e-mails a confirmation code (read it with
    /// <see cref="SandboxExchange.EmailCodeOf"/>) and <c>POST /user/confirm-withdrawal</c> with that code sends the
    /// withdrawal, as the real exchange does. Off (the default) completes the request at once.</summary>
    public bool ConfirmWithdrawalsByEmail { get; set; }

    /// <summary>Per-IP and per-route limits, as the real exchange and its nginx apply them.</summary>
    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>Faults injected into matching requests from start-up; the admin endpoint can replace them.</summary>
    public FaultOptions Faults { get; set; } = new();
}

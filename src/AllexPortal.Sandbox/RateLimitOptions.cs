namespace AllexPortal.Sandbox;

/// <summary>Rate limits of the real exchange (Kit routes: 2-minute windows per IP; nginx: a per-IP token
/// bucket). Every limit can be raised or switched off (0) because the portal's users share one IP.</summary>
public sealed class RateLimitOptions
{
    /// <summary>General per-IP rate in requests per second (nginx <c>rate=4r/s</c>); 0 disables it.</summary>
    public double GeneralPerSecond { get; set; } = 4;

    /// <summary>General per-IP burst (nginx <c>burst=14</c>).</summary>
    public int GeneralBurst { get; set; } = 14;

    /// <summary>Window of the route limits below. Default two minutes.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary><c>POST /login</c> per IP and window; 0 disables.</summary>
    public int Login { get; set; } = 16;

    /// <summary><c>POST /signup</c> per IP and window; 0 disables.</summary>
    public int Signup { get; set; } = 4;

    /// <summary><c>POST /user/request-withdrawal</c> per bearer token (or IP) and window; 0 disables.</summary>
    public int WithdrawalRequest { get; set; } = 10;

    /// <summary>No limits at all (tests, embedded demo).</summary>
    public static RateLimitOptions None => new() { GeneralPerSecond = 0, Login = 0, Signup = 0, WithdrawalRequest = 0 };
}

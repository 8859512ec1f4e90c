namespace AllexPortal.Web.Security;

/// <summary>
/// Sign-in attempts allowed per client address in a fixed window (<c>Security:SignInRateLimit</c>).
/// Lockout protects one account; this limit slows one client trying many accounts.
/// </summary>
public sealed class SignInRateLimitOptions
{
    /// <summary>The configuration section bound to this type.</summary>
    public const string SectionName = "Security:SignInRateLimit";

    /// <summary>Sign-in form posts allowed per window; default 10.</summary>
    public int PermitLimit { get; set; } = 10;

    /// <summary>The window length; default one minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

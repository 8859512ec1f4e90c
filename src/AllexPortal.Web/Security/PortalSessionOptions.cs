using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;

namespace AllexPortal.Web.Security;

/// <summary>
/// How long a portal session lasts and how quickly it notices that its user signed out, changed password or 2FA, or
/// was locked out (<c>Security:Sessions</c>).
/// </summary>
/// <remarks>
/// The defaults follow NIST SP 800-63B's re-authentication limits for AAL2 (OWASP ASVS 5.0 7.1.1, 7.3.1, 7.3.2): a
/// session ends after <see cref="IdleTimeout"/> without a request and, however busy, <see cref="AbsoluteLifetime"/>
/// after its sign-in. "Remember me" keeps the session across browser restarts within those limits, not beyond them.
/// An open interactive page (circuit) makes no HTTP requests, so it is bounded by the absolute lifetime, checked at
/// each revalidation; the idle limit applies to the sign-in cookie.
/// </remarks>
public sealed class PortalSessionOptions
{
    /// <summary>The configuration section bound to this type.</summary>
    public const string SectionName = "Security:Sessions";

    /// <summary>The re-check interval; default 30 seconds, at most one minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A session with no request for this long ends; default one hour.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A session ends this long after its sign-in, whatever happens meanwhile; default 24 hours.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(24);
}

/// <summary>The claim that carries a session's sign-in time through cookie renewals and security-stamp refreshes.</summary>
public static class SessionClaims
{
    /// <summary>The claim type: the sign-in time as Unix seconds.</summary>
    public const string SignedInAt = "allexportal:signed_in_at";

    /// <summary>The claim for a sign-in at <paramref name="time"/>.</summary>
    public static Claim SignedInAtClaim(DateTimeOffset time) =>
        new(SignedInAt, time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64);

    /// <summary>When the session of <paramref name="principal"/> signed in, or null if it does not say.</summary>
    public static DateTimeOffset? SignedInAtOf(ClaimsPrincipal? principal) =>
        long.TryParse(principal?.FindFirst(SignedInAt)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>True when <paramref name="principal"/>'s session is still within <paramref name="lifetime"/> at <paramref name="now"/>;
    /// a session that does not say when it began (a cookie from before this rule) has ended.</summary>
    public static bool IsWithin(ClaimsPrincipal? principal, TimeSpan lifetime, DateTimeOffset now) =>
        SignedInAtOf(principal) is { } signedIn && signedIn <= now.AddMinutes(1) && now - signedIn < lifetime;
}

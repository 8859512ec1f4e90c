using System.ComponentModel.DataAnnotations;

namespace AllexPortal.Web.Security;

/// <summary>
/// How quickly a session notices that its user signed out, changed password or 2FA, or was locked
/// out (<c>Security:Sessions</c>). Both the sign-in cookie and open interactive circuits re-check the
/// user's security stamp at this interval.
/// </summary>
public sealed class PortalSessionOptions
{
    /// <summary>The configuration section bound to this type.</summary>
    public const string SectionName = "Security:Sessions";

    /// <summary>The re-check interval; default 30 seconds, at most one minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);
}

using Microsoft.AspNetCore.Identity;

namespace AllexPortal.Web.Data;

/// <summary>
/// A portal account. Extends Identity's user with the preferences the portal remembers per person,
/// so they follow the user to any browser.
/// </summary>
public class PortalUser : IdentityUser
{
    /// <summary>The colour scheme the user last chose; <see cref="PortalTheme.Light"/> until they choose.</summary>
    public PortalTheme Theme { get; set; } = PortalTheme.Light;

    /// <summary>The team workspace the user last switched to (null: personal), so the choice follows them to any browser.</summary>
    public Guid? LastWorkspaceId { get; set; }
}

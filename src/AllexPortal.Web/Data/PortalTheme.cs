namespace AllexPortal.Web.Data;

/// <summary>The colour schemes a user can pick; stored by name so new ones can be added safely.</summary>
public enum PortalTheme
{
    /// <summary>Dark text on light surfaces (the default).</summary>
    Light,

    /// <summary>Light text on dark surfaces.</summary>
    Dark,
}

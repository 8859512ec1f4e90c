namespace AllexPortal.Web.Demo;

/// <summary>
/// The portal account behind "Try the demo" (demo mode only). It has no password: the only way in is the
/// demo sign-in endpoint, which exists only while the portal runs on the embedded sandbox.
/// </summary>
public static class DemoAccount
{
    /// <summary>The demo account's e-mail and user name.</summary>
    public const string Email = "demo@allexportal.local";

    /// <summary>The label of its connection to the sandbox's demo user.</summary>
    public const string ConnectionLabel = "Sandbox demo";

    /// <summary>Where the login page's "Try the demo" form posts.</summary>
    public const string SignInPath = "/Account/Demo";
}

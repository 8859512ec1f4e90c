namespace AllexPortal.Sandbox.Auth;

/// <summary>The permission an HMAC key needs for an endpoint (<c>x-token-permissions</c>).</summary>
internal enum KeyPermission
{
    None,
    Read,
    Trade,
    Withdraw,
}

namespace AllexPortal.Sandbox.Auth;

/// <summary>Who may call an endpoint (swagger <c>x-security-types</c>) and which key permission HMAC callers need.</summary>
internal sealed record AuthPolicy(bool Bearer, bool Hmac, KeyPermission Permission)
{
    public static AuthPolicy BearerOnly { get; } = new(true, false, KeyPermission.None);

    public static AuthPolicy HmacOnly(KeyPermission permission) => new(false, true, permission);

    public static AuthPolicy Either(KeyPermission permission) => new(true, true, permission);
}

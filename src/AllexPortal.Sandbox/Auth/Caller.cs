using AllexPortal.Sandbox.Accounts;
using AllexPortal.Sandbox.Keys;

namespace AllexPortal.Sandbox.Auth;

/// <summary>The authenticated caller of a request: the user, and the key when signed with HMAC.</summary>
internal sealed record Caller(SandboxUser User, ApiKey? Key, string? BearerToken);

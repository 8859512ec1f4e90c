using System.Text.Json;
using AllexPortal.Sandbox.Accounts;
using AllexPortal.Sandbox.Hosting;
using AllexPortal.Sandbox.Keys;
using AllexPortal.Sandbox.Wire;

namespace AllexPortal.Sandbox.Auth;

/// <summary>The Kit's <c>verifyAuthTokenMiddleware</c>: bearer JWT or HMAC key, in the Kit's order of checks
/// and with its texts, plus replay rejection. Callers hold the state lock.</summary>
internal sealed class RequestAuthenticator(SandboxState state, SessionTokens sessions, SignatureReplayGuard? replays, TimeProvider time)
{
    public Caller Authenticate(SandboxRequest request, AuthPolicy policy)
    {
        var headers = request.Context.Request.Headers;
        var hasKey = headers.ContainsKey("api-key");
        var hasBearer = headers.ContainsKey("Authorization");
        if (hasKey && hasBearer)
        {
            throw Denied(AuthMessages.Multiple);
        }
        if (!hasKey && !hasBearer)
        {
            throw Denied(AuthMessages.NoAuth);
        }
        if ((hasBearer && !policy.Bearer) || (hasKey && !policy.Hmac))
        {
            throw Denied(AuthMessages.InvalidTokenType);
        }
        return hasBearer ? Bearer(headers.Authorization.ToString()) : Hmac(request, policy.Permission);
    }

    /// <summary>The caller if credentials are present and valid, otherwise null (for optional-auth endpoints).</summary>
    public Caller? TryAuthenticate(SandboxRequest request)
    {
        try
        {
            return Authenticate(request, AuthPolicy.Either(KeyPermission.None));
        }
        catch (SandboxError)
        {
            return null;
        }
    }

    private Caller Bearer(string header)
    {
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            throw Denied(AuthMessages.TokenInvalid);
        }
        var token = header["Bearer ".Length..].Trim();
        var (userId, error) = sessions.Verify(token);
        if (error is not null || !state.UsersById.TryGetValue(userId, out var user))
        {
            throw Denied(error ?? AuthMessages.TokenInvalid);
        }
        return new Caller(user, null, token);
    }

    private Caller Hmac(SandboxRequest request, KeyPermission permission)
    {
        var headers = request.Context.Request.Headers;
        var apiKey = headers["api-key"].ToString();
        var signature = headers["api-signature"].ToString();
        var expiresText = headers["api-expires"].ToString();
        var nowSeconds = time.GetUtcNow().ToUnixTimeSeconds();
        if (apiKey.Length == 0)
        {
            throw Denied(AuthMessages.ApiKeyMissing);
        }
        if (!HmacSignature.TryParseExpires(expiresText, out var expires) || nowSeconds > expires)
        {
            throw Denied(AuthMessages.RequestExpired);
        }
        if (signature.Length == 0)
        {
            throw Denied(AuthMessages.SignatureMissing);
        }
        var key = state.Keys.FirstOrDefault(k => k.Key == apiKey && !k.Revoked) ?? throw Denied(AuthMessages.InvalidKey);
        if (key.Expiry < time.GetUtcNow())
        {
            throw Denied(AuthMessages.KeyExpired);
        }
        if (!key.Active)
        {
            throw Denied(AuthMessages.KeyFrozen);
        }
        var expected = HmacSignature.Compute(key.Secret, request.Method, request.SignedPath, expiresText, SignedBody(request));
        if (!HmacSignature.Matches(expected, signature))
        {
            throw Denied(AuthMessages.InvalidSignature);
        }
        if (replays is not null && !replays.TryUse(signature, expires, nowSeconds))
        {
            throw Denied(AuthMessages.SignatureReplayed);
        }
        if (!Allows(key, permission))
        {
            throw Denied(AuthMessages.MissingPermission);
        }
        if (key.WhitelistingEnabled && !key.WhitelistedIps.Any(entry => WhitelistEntryAllows(entry, request.ClientIp)))
        {
            throw Denied(AuthMessages.IpNotAllowed);
        }
        return new Caller(state.UsersById[key.UserId], key, null);
    }

    /// <summary>The body part of the signed message: <c>JSON.stringify(req.body)</c>, empty for no body or <c>{}</c>.</summary>
    private static string SignedBody(SandboxRequest request)
    {
        if (request.Body is not { } body)
        {
            return "";
        }
        var text = JsCanonicalJson.Stringify(body);
        return text == "{}" || body.ValueKind == JsonValueKind.Undefined ? "" : text;
    }

    /// <summary>An entry is an address (compared as text, as stored) or a CIDR network that contains the caller.</summary>
    private static bool WhitelistEntryAllows(string entry, string clientIp) =>
        string.Equals(entry, clientIp, StringComparison.OrdinalIgnoreCase)
        || (entry.Contains('/', StringComparison.Ordinal)
            && System.Net.IPNetwork.TryParse(entry, out var network)
            && System.Net.IPAddress.TryParse(clientIp, out var address)
            && network.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address));

    private static bool Allows(ApiKey key, KeyPermission permission) => permission switch
    {
        KeyPermission.Read => key.CanRead,
        KeyPermission.Trade => key.CanTrade,
        KeyPermission.Withdraw => key.CanWithdraw,
        _ => true,
    };

    private static SandboxError Denied(string message) => SandboxError.Unauthorized(AuthMessages.Prefix + message);
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AllexPortal.Sandbox.Accounts;

/// <summary>Issues and verifies the bearer JWTs of <c>POST /login</c> (HS256, payload as the Kit's:
/// <c>sub {id, email, networkId}</c>, <c>scopes</c>, <c>ip</c>, <c>iss</c>, <c>iat</c>, <c>exp</c>).</summary>
internal sealed class SessionTokens(byte[] key, TimeProvider time)
{
    public const string Issuer = "allex-sandbox";

    private readonly HashSet<string> _loggedOut = new(StringComparer.Ordinal);

    /// <summary>Numbers the tokens (<c>jti</c>), so two logins of one user in the same second are different
    /// sessions and logging out one does not end the other.</summary>
    private long _issued;

    /// <summary>Ends the session of <paramref name="token"/> early (<c>GET /logout</c>). Callers hold the state lock.</summary>
    public void Revoke(string token) => _loggedOut.Add(token);

    public string Issue(SandboxUser user, string ip, bool longTerm)
    {
        var now = time.GetUtcNow();
        var payload = new JsonObject
        {
            ["sub"] = new JsonObject { ["id"] = user.Id, ["email"] = user.Email, ["networkId"] = user.Id + 1000 },
            ["scopes"] = new JsonArray("user"),
            ["ip"] = ip,
            ["iss"] = Issuer,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.Add(longTerm ? TimeSpan.FromDays(90) : TimeSpan.FromDays(7)).ToUnixTimeSeconds(),
            ["jti"] = Interlocked.Increment(ref _issued),
        };
        var head = Base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8);
        var body = Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return $"{head}.{body}.{Sign(head + "." + body)}";
    }

    /// <summary>The user id of a valid token; otherwise the Kit's failure text.</summary>
    public (int UserId, string? Error) Verify(string token)
    {
        var parts = token.Split('.');
        if (_loggedOut.Contains(token))
        {
            return (0, "Token is expired");
        }
        if (parts.Length != 3 || !CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(Sign(parts[0] + "." + parts[1])), Encoding.ASCII.GetBytes(parts[2])))
        {
            return (0, "Token is invalid");
        }
        try
        {
            var payload = JsonNode.Parse(Base64UrlDecode(parts[1]))!;
            if ((string?)payload["iss"] != Issuer)
            {
                return (0, "Token is expired");
            }
            if ((long)payload["exp"]! < time.GetUtcNow().ToUnixTimeSeconds())
            {
                return (0, "Token is expired");
            }
            return ((int)payload["sub"]!["id"]!, null);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NullReferenceException)
        {
            return (0, "Token is invalid");
        }
    }

    private string Sign(string data) => Base64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(data)));

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}

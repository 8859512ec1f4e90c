using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AllexPortal.Sandbox.Auth;

/// <summary>The Kit's request signature: hex(HMAC-SHA256(secret, METHOD + PATH_WITH_QUERY + EXPIRES + BODY)).</summary>
internal static class HmacSignature
{
    public static string Compute(string secret, string method, string pathWithQuery, string expires, string body)
    {
        var message = method + pathWithQuery + expires + body;
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message)));
    }

    public static bool Matches(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given));

    public static bool TryParseExpires(string? value, out long expires) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out expires);
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AllexPortal.Exchange.Http;

/// <summary>
/// The exchange's request signature: lower-case hex HMAC-SHA256 over
/// <c>METHOD + PATH_WITH_QUERY + EXPIRES + BODY</c>, keyed with the secret's UTF-8 text.
/// </summary>
public static class HmacSignature
{
    /// <summary>Computes <c>api-signature</c>; the key bytes are wiped as soon as the hash is done.</summary>
    public static string Compute(string secret, string method, string signedPathAndQuery, long expires, string body = "")
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(signedPathAndQuery);
        var message = string.Concat(method, signedPathAndQuery, expires.ToString(CultureInfo.InvariantCulture), body ?? string.Empty);
        var key = Encoding.UTF8.GetBytes(secret);
        try
        {
            var hash = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message));
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AllexPortal.Sandbox.Tests.Infrastructure;

/// <summary>The reference's C# signer (allex-api.md §1.2.1), independent of the sandbox's own code.</summary>
internal static class TestSigner
{
    public static string Sign(string secret, string method, string pathWithQuery, long expires, string body = "")
    {
        var message = method + pathWithQuery + expires.ToString(CultureInfo.InvariantCulture) + body;
        return Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message))).ToLowerInvariant();
    }
}

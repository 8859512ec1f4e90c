using System.Security.Cryptography;
using System.Text;

namespace AllexPortal.Sandbox.Accounts;

/// <summary>Deterministic, plausibly formatted blockchain addresses (never real ones).</summary>
internal static class SandboxAddresses
{
    public static string For(int userId, string currency) => Format(currency, $"user:{userId}:{currency}");

    public static string External(string currency, int salt) => Format(currency, $"external:{currency}:{salt}");

    private static string Format(string currency, string key)
    {
        var hex = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return currency switch
        {
            "btc" => "bc1q" + hex[..38],
            "sol" => "So1" + hex[..41],
            "xrp" => "r" + hex[..33] + ":" + (hex[40..46].Aggregate(0, (a, c) => (a * 7 + c) % 1_000_000)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "trx" => "T" + hex[..33],
            _ => "0x" + hex[..40],
        };
    }
}

using OtpNet;

namespace AllexPortal.Sandbox.Accounts;

/// <summary>TOTP verification as the Kit does it: the current 30-second step and one on either side.</summary>
internal static class OtpCheck
{
    public static bool IsValid(string? secret, string? code, DateTimeOffset now) =>
        !string.IsNullOrEmpty(secret) && !string.IsNullOrEmpty(code) &&
        new Totp(Base32Encoding.ToBytes(secret)).VerifyTotp(now.UtcDateTime, code, out _, new VerificationWindow(1, 1));

    public static string NewSecret(Random random)
    {
        var bytes = new byte[20];
        random.NextBytes(bytes);
        return Base32Encoding.ToString(bytes);
    }
}

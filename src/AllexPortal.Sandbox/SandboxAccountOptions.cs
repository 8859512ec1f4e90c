namespace AllexPortal.Sandbox;

/// <summary>A seeded account with fixed credentials, so any HollaEx client can be pointed at the sandbox at once.</summary>
public sealed class SandboxAccountOptions
{
    /// <summary>Whether the account exists in this run.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Login e-mail.</summary>
    public string Email { get; set; } = "";

    /// <summary>Login password.</summary>
    public string Password { get; set; } = "";

    /// <summary>Base32 TOTP secret of the account's authenticator.</summary>
    public string TotpSecret { get; set; } = "";

    /// <summary>Whether 2FA is on (login then needs <c>otp_code</c>; API-key management requires it).</summary>
    public bool OtpEnabled { get; set; } = true;

    /// <summary>A ready HMAC API key (read and trade).</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The key's secret.</summary>
    public string ApiSecret { get; set; } = "";

    /// <summary>Number of historical trades generated for the account.</summary>
    public int TradeCount { get; set; }

    /// <summary>The demo user's defaults (documented in docs/sandbox.md).</summary>
    public static SandboxAccountOptions CreateDemo() => new()
    {
        Email = "demo@sandbox.allex.local",
        Password = "DemoPassw0rd!",
        TotpSecret = "ALLEXDEMOSANDBOXTOTPSECRET234567",
        ApiKey = "5a9d1e0c7b3f4a28e6c1d9b04f7a3e2c8b6d0f19",
        ApiSecret = "0f4c8a2e6b1d9f3a7c5e0b8d2f6a4c1e9b3d7f5a0c2e8b6d4f",
        TradeCount = 3_000,
    };

    /// <summary>The benchmark user's defaults; disabled unless switched on.</summary>
    public static SandboxAccountOptions CreateLarge() => new()
    {
        Enabled = false,
        Email = "bench@sandbox.allex.local",
        Password = "BenchPassw0rd!",
        TotpSecret = "ALLEXBENCHSANDBOXTOTPSECRET23456",
        OtpEnabled = false,
        ApiKey = "b3e7a1c9d5f2048e6a3c7b1d9f5e2a4c8d6b0e17",
        ApiSecret = "7e1a9c3f5b2d8e4a6c0f9b1d3e7a5c2f8b4d6e0a1c3f9b7d5e",
        TradeCount = 100_000,
    };
}

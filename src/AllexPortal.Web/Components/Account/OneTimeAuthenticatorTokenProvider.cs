using System.Globalization;
using AllexPortal.Web.Data;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace AllexPortal.Web.Components.Account;

/// <summary>
/// Authenticator-app (TOTP, RFC 6238) codes that work once (OWASP ASVS 5.0 6.5.1). Identity's own provider accepts
/// the same code again for as long as it is valid, so a code seen over a shoulder or phished could be replayed
/// within the minute; this one remembers the last time step a user signed in with and accepts only a later one.
/// </summary>
/// <remarks>
/// Codes are the usual six digits over 30-second steps, with one step of clock drift either way (RFC 6238 §5.2).
/// The accepted step is written with the user row, under Identity's concurrency stamp: two requests racing with the
/// same code cannot both win, because the second save fails and its code is refused.
/// </remarks>
public sealed class OneTimeAuthenticatorTokenProvider(TimeProvider time) : AuthenticatorTokenProvider<PortalUser>
{
    /// <summary>The login provider name under which the last accepted step is stored in the user's tokens.</summary>
    public const string StoreName = "[AllexPortal]";

    /// <summary>The token name of the last accepted time step.</summary>
    public const string LastStepName = "LastAuthenticatorStep";

    private static readonly VerificationWindow Drift = new(previous: 1, future: 1);

    /// <inheritdoc />
    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = token?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (string.IsNullOrWhiteSpace(key) || code is not { Length: 6 } || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, code, out var step, Drift))
        {
            return false;
        }

        var last = await manager.GetAuthenticationTokenAsync(user, StoreName, LastStepName);
        if (long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var lastStep) && step <= lastStep)
        {
            return false;
        }

        var saved = await manager.SetAuthenticationTokenAsync(user, StoreName, LastStepName, step.ToString(CultureInfo.InvariantCulture));
        return saved.Succeeded;
    }
}

using AllexPortal.Exchange.Errors;
using AllexPortal.Exchange.Security;
using AllexPortal.Web.Audit;
using AllexPortal.Web.Components.Account;

namespace AllexPortal.Web.ExchangeSignIn;

/// <summary>
/// Turns on two-factor authentication of the signed-in exchange account, which the exchange requires before it
/// creates API keys: the exchange hands out a secret, the user adds it to an authenticator app (QR code or
/// text) and proves it with a code.
/// </summary>
public sealed class ExchangeTwoFactor(ExchangeSession session, AuditLog audit)
{
    /// <summary>The name authenticator apps show for the account.</summary>
    public const string Issuer = "ALLEX";

    /// <summary>Whether the signed-in account already has 2FA on (read from its profile).</summary>
    /// <exception cref="ExchangeSignInRequiredException">Not signed in to the exchange.</exception>
    public async Task<bool> IsEnabledAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var profile = await session.Client().User.GetProfileAsync(cancellationToken);
            return profile.OtpEnabled;
        }
        catch (ExchangeApiException e) when (e.Kind == ExchangeErrorKind.CredentialsRejected)
        {
            throw session.Rejected();
        }
    }

    /// <summary>Asks the exchange for a new 2FA secret and renders it for an authenticator app.</summary>
    /// <exception cref="ExchangeSignInRequiredException">Not signed in to the exchange.</exception>
    /// <exception cref="ExchangeApiException">The exchange refused (e.g. 2FA is already on).</exception>
    public async Task<ExchangeTwoFactorEnrollment> StartAsync(CancellationToken cancellationToken = default)
    {
        var email = session.Email ?? "";
        OtpSecret secret;
        try
        {
            secret = await session.Client().Security.RequestOtpAsync(cancellationToken);
        }
        catch (ExchangeApiException e) when (e.Kind == ExchangeErrorKind.CredentialsRejected)
        {
            throw session.Rejected();
        }

        var label = Uri.EscapeDataString($"{Issuer}:{email}");
        var uri = $"otpauth://totp/{label}?secret={secret.Secret}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";
        return new ExchangeTwoFactorEnrollment(secret.Secret, uri, AuthenticatorQrCode.ToDataUri(uri));
    }

    /// <summary>Turns 2FA on with a code from the authenticator app; audited.</summary>
    /// <param name="actorUserId">The portal user acting, for the audit log.</param>
    /// <param name="code">The 6-digit code.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ExchangeSignInRequiredException">Not signed in to the exchange.</exception>
    /// <exception cref="ExchangeApiException">The exchange refused the code.</exception>
    public async Task EnableAsync(string actorUserId, string code, CancellationToken cancellationToken = default)
    {
        var digits = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        try
        {
            await session.Client().Security.ActivateOtpAsync(new OtpCodeRequest(digits), cancellationToken);
        }
        catch (ExchangeApiException e) when (e.Kind == ExchangeErrorKind.CredentialsRejected)
        {
            throw session.Rejected();
        }

        await audit.RecordAsync(actorUserId, AuditAction.ExchangeTwoFactorEnabled, subject: session.Email, cancellationToken: cancellationToken);
    }
}

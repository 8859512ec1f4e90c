namespace AllexPortal.Web.ExchangeSignIn;

/// <summary>
/// What the user needs to add the exchange account to an authenticator app: the base32 secret (to type), the
/// <c>otpauth://</c> URI and that URI as a PNG QR code in a <c>data:</c> URI. A credential: kept only by the
/// dialog that shows it, and not printed by <see cref="ToString"/>.
/// </summary>
public sealed record ExchangeTwoFactorEnrollment(string Secret, string OtpAuthUri, string QrCodeDataUri)
{
    /// <summary>The secret in groups of four, easier to type.</summary>
    public string GroupedSecret => string.Join(' ', Secret.Chunk(4).Select(group => new string(group)));

    /// <inheritdoc />
    public override string ToString() => "ExchangeTwoFactorEnrollment { *** }";
}

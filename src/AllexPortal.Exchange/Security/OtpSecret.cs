namespace AllexPortal.Exchange.Security;

/// <summary>
/// Answer of <c>GET /user/request-otp</c>: only the base32 secret; build the <c>otpauth://</c> URI for the QR
/// code yourself. A credential: not printed by <see cref="ToString"/>.
/// </summary>
public sealed record OtpSecret
{
    public string Secret { get; init; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => "OtpSecret { *** }";
}

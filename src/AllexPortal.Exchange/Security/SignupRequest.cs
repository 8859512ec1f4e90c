namespace AllexPortal.Exchange.Security;

/// <summary>Body of <c>POST /signup</c>; the exchange then emails a verification link.</summary>
public sealed record SignupRequest
{
    public required string Email { get; init; }
    public required string Password { get; init; }
    public string? Referral { get; init; }
    public string? Captcha { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"SignupRequest {{ Email = {Email}, Password = *** }}";
}

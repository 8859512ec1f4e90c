namespace AllexPortal.Exchange.Security;

/// <summary>Body of <c>POST /login</c>; <see cref="OtpCode"/> is required once the account has 2FA.</summary>
public sealed record LoginRequest
{
    public required string Email { get; init; }
    public required string Password { get; init; }
    public string? OtpCode { get; init; }
    public bool? LongTerm { get; init; }
    public string? Captcha { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"LoginRequest {{ Email = {Email}, Password = ***, OtpCode = {(OtpCode is null ? "none" : "***")} }}";
}

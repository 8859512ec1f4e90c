namespace AllexPortal.Exchange.Security;

/// <summary>
/// Body of <c>POST /user/token</c>. Kit 2.17.4 ignores <see cref="Permissions"/> (new keys are read-only until
/// updated); it is sent anyway because the seed documents it and customised exchanges may honour it.
/// </summary>
public sealed record CreateApiKeyRequest
{
    public required string Name { get; init; }
    public required string OtpCode { get; init; }
    public required string EmailCode { get; init; }
    public ApiKeyPermissionsBody? Permissions { get; init; }
    public IReadOnlyList<string>? WhitelistedIps { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"CreateApiKeyRequest {{ Name = {Name}, OtpCode = ***, EmailCode = *** }}";
}

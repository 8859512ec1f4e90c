namespace AllexPortal.Exchange.Security;

/// <summary>Body of <c>PUT /user/token</c>: permissions and IP whitelist of an existing key.</summary>
public sealed record UpdateApiKeyRequest
{
    public required long TokenId { get; init; }
    public required string OtpCode { get; init; }
    public required string EmailCode { get; init; }
    public string? Name { get; init; }
    public ApiKeyPermissionsBody? Permissions { get; init; }
    public IReadOnlyList<string>? WhitelistedIps { get; init; }
    public bool? WhitelistingEnabled { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"UpdateApiKeyRequest {{ TokenId = {TokenId}, OtpCode = ***, EmailCode = *** }}";
}

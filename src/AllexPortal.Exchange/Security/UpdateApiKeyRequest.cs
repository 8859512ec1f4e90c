using System.Text.Json.Serialization;

namespace AllexPortal.Exchange.Security;

/// <summary>Body of <c>PUT /user/token</c>: permissions and IP whitelist of an existing key.</summary>
public sealed record UpdateApiKeyRequest
{
    public required long TokenId { get; init; }
    public required string OtpCode { get; init; }
    public required string EmailCode { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ApiKeyPermissionsBody? Permissions { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? WhitelistedIps { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? WhitelistingEnabled { get; init; }
}

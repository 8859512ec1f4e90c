using System.Text.Json.Serialization;

namespace AllexPortal.Exchange.Security;

/// <summary>Body of the email-confirmed <c>POST /user/request-withdrawal</c> (bearer sessions only).</summary>
public sealed record WithdrawalRequest
{
    public required string Currency { get; init; }
    public required decimal Amount { get; init; }
    public required string Address { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Network { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OtpCode { get; init; }
}

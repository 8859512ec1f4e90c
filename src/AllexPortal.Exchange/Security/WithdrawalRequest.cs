namespace AllexPortal.Exchange.Security;

/// <summary>Body of the email-confirmed <c>POST /user/request-withdrawal</c> (bearer sessions only).</summary>
public sealed record WithdrawalRequest
{
    public required string Currency { get; init; }
    public required decimal Amount { get; init; }
    public required string Address { get; init; }
    public string? Network { get; init; }
    public string? OtpCode { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"WithdrawalRequest {{ Currency = {Currency}, Amount = {Amount}, Address = {Address}, OtpCode = *** }}";
}

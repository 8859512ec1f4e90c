namespace AllexPortal.Exchange.Account;

/// <summary>Body of <c>POST /user/withdrawal</c>, the API-key withdrawal without an email step (needs can_withdraw).</summary>
public sealed record DirectWithdrawalRequest
{
    public required string Address { get; init; }
    public required string Currency { get; init; }
    public required decimal Amount { get; init; }
    public string? Network { get; init; }
}

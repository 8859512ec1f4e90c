namespace AllexPortal.Exchange.Account;

/// <summary>Answer of <c>POST /user/withdrawal</c>: the queued withdrawal.</summary>
public sealed record DirectWithdrawalResult
{
    public string? Message { get; init; }
    public long? Id { get; init; }
    public string? TransactionId { get; init; }
    public decimal Amount { get; init; }
    public string Currency { get; init; } = string.Empty;
    public decimal? Fee { get; init; }
    public string? FeeCoin { get; init; }
}

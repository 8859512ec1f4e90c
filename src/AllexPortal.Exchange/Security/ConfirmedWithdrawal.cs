namespace AllexPortal.Exchange.Security;

/// <summary>Answer of <c>POST /user/confirm-withdrawal</c>.</summary>
public sealed record ConfirmedWithdrawal
{
    public string? Message { get; init; }
    public string? TransactionId { get; init; }
    public decimal? Fee { get; init; }
}

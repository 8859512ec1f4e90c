namespace AllexPortal.Sandbox;

/// <summary>A deposit or withdrawal as <c>GET /user/deposits</c> and <c>/user/withdrawals</c> return it.</summary>
public sealed record SandboxTransfer(
    int Id, string Type, string Currency, decimal Amount, decimal Fee, string FeeCoin, string Address,
    string TransactionId, string Network, bool Status, bool Dismissed, bool Rejected, bool Processing,
    bool Waiting, string Description, int UserId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

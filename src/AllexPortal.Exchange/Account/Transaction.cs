namespace AllexPortal.Exchange.Account;

/// <summary>A deposit or withdrawal from <c>GET /user/deposits</c> or <c>GET /user/withdrawals</c>.</summary>
public sealed record Transaction
{
    public long Id { get; init; }

    /// <summary><c>deposit</c> or <c>withdrawal</c>.</summary>
    public string? Type { get; init; }

    public string Currency { get; init; } = string.Empty;
    public decimal Amount { get; init; }
    public decimal? Fee { get; init; }
    public string? FeeCoin { get; init; }
    public string? Address { get; init; }
    public string? TransactionId { get; init; }
    public string? Network { get; init; }

    /// <summary>True once the exchange completed the transfer.</summary>
    public bool Status { get; init; }

    public bool Dismissed { get; init; }
    public bool Rejected { get; init; }
    public bool Processing { get; init; }
    public bool Waiting { get; init; }
    public string? Description { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The ccxt reading of the four flags, so every screen shows the same word.</summary>
    public TransactionState State =>
        Status ? TransactionState.Completed
        : Dismissed ? TransactionState.Canceled
        : Rejected ? TransactionState.Failed
        : TransactionState.Pending;
}

namespace AllexPortal.Exchange.Market;

/// <summary>A coin listed in <c>/constants</c>; limits and fees are optional because exchanges fill them unevenly.</summary>
public sealed record CoinInfo
{
    public long? Id { get; init; }
    public string Symbol { get; init; } = string.Empty;
    public string? Fullname { get; init; }
    public bool Active { get; init; }
    public bool? Verified { get; init; }
    public bool AllowDeposit { get; init; }
    public bool AllowWithdrawal { get; init; }
    public decimal? WithdrawalFee { get; init; }

    /// <summary>Per-network fees; both <c>{"eth": 20}</c> and <c>{"eth": {"value": 20, "symbol": "usdt"}}</c> are read.</summary>
    public IReadOnlyDictionary<string, NetworkFee>? WithdrawalFees { get; init; }

    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public decimal? IncrementUnit { get; init; }
    public string? Logo { get; init; }
    public string? Type { get; init; }

    /// <summary>Comma-separated networks for multi-network coins, e.g. <c>eth,trx</c>.</summary>
    public string? Network { get; init; }

    public string? Standard { get; init; }
    public decimal? EstimatedPrice { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
}

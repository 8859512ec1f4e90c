namespace AllexPortal.Exchange.Trading;

/// <summary>
/// Answer of <c>GET /quick-trade</c>. <see cref="Token"/> (valid about 30 s) is only present when the quote
/// was asked with credentials; pass it to execute.
/// </summary>
public sealed record QuickTradeQuote
{
    public string SpendingCurrency { get; init; } = string.Empty;
    public string ReceivingCurrency { get; init; } = string.Empty;
    public decimal SpendingAmount { get; init; }
    public decimal ReceivingAmount { get; init; }

    /// <summary><c>market</c>, <c>broker</c> or <c>network</c>.</summary>
    public string? Type { get; init; }

    public string? Token { get; init; }
    public DateTimeOffset? Expiry { get; init; }
}

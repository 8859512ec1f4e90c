namespace AllexPortal.Exchange.Account;

/// <summary>A deposit address listed in the profile's <c>wallet</c>.</summary>
public sealed record WalletAddress
{
    public string Currency { get; init; } = string.Empty;
    public string Address { get; init; } = string.Empty;
    public string? Network { get; init; }
    public string? Standard { get; init; }
    public bool? IsValid { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
}

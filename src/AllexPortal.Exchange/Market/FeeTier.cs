namespace AllexPortal.Exchange.Market;

/// <summary>A fee tier from <c>GET /tiers</c>; a user's tier is <c>verification_level</c> of the profile.</summary>
public sealed record FeeTier
{
    public long? Id { get; init; }
    public string? Name { get; init; }
    public string? Icon { get; init; }
    public string? Description { get; init; }
    public string? Note { get; init; }
    public decimal? DepositLimit { get; init; }
    public decimal? WithdrawalLimit { get; init; }
    public TierFees? Fees { get; init; }
}

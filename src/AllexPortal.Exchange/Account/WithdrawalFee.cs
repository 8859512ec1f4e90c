namespace AllexPortal.Exchange.Account;

/// <summary>Answer of <c>GET /user/withdrawal/fee</c>; null when the coin charges per network (see <c>/constants</c>).</summary>
public sealed record WithdrawalFee
{
    public decimal? Fee { get; init; }
}

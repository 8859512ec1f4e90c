namespace AllexPortal.Exchange.Security;

/// <summary>Answer of <c>GET /user/create-address</c>; memo coins come back as <c>address:tag</c>.</summary>
public sealed record DepositAddress
{
    public string? Message { get; init; }
    public string Address { get; init; } = string.Empty;
    public string Crypto { get; init; } = string.Empty;
    public string? Network { get; init; }
}

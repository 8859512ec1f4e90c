namespace AllexPortal.Exchange.Security;

/// <summary>Answer of <c>POST /login</c>; wrap <see cref="Token"/> in a <see cref="SessionToken"/> right away.</summary>
public sealed record LoginResponse
{
    public string Token { get; init; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => "LoginResponse { Token = *** }";
}

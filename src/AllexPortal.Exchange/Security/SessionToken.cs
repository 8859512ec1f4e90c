namespace AllexPortal.Exchange.Security;

/// <summary>
/// A bearer JWT from <c>POST /login</c>, needed for key management, OTP, deposit addresses and email-confirmed
/// withdrawals. It is a credential: <see cref="ToString"/> never prints it.
/// </summary>
public sealed record SessionToken
{
    /// <summary>Wraps a JWT; the <c>Bearer </c> prefix is added by the client.</summary>
    public SessionToken(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The raw JWT, for the <c>Authorization</c> header only.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => "SessionToken { *** }";
}

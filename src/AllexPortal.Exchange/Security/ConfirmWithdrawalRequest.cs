namespace AllexPortal.Exchange.Security;

/// <summary>Body of <c>POST /user/confirm-withdrawal</c>: the token from the confirmation email.</summary>
public sealed record ConfirmWithdrawalRequest(string Token)
{
    /// <inheritdoc />
    public override string ToString() => "ConfirmWithdrawalRequest { Token = *** }";
}

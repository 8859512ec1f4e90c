namespace AllexPortal.Web.Wallet;

/// <summary>The fields of a withdrawal form that a validation message can belong to.</summary>
public enum WithdrawalField
{
    Coin,
    Network,
    Amount,
    Address,
    OtpCode,
    Confirmation,
}

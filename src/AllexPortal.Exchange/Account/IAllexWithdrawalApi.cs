using Refit;

namespace AllexPortal.Exchange.Account;

/// <summary>
/// The API-key withdrawal (<c>POST /user/withdrawal</c>, key needs <c>can_withdraw</c>, no email step).
/// Kept apart so that only code holding such a key can move funds; it is never retried.
/// </summary>
public interface IAllexWithdrawalApi
{
    [Post("/user/withdrawal")]
    Task<DirectWithdrawalResult> WithdrawAsync([Body] DirectWithdrawalRequest request, CancellationToken cancellationToken = default);
}

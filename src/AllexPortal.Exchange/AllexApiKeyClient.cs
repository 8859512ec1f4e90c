using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Trading;

namespace AllexPortal.Exchange;

/// <summary>
/// What one API key can reach: public data, account reads, trading and the API-key withdrawal. Bearer-only
/// endpoints (key management, OTP, deposit-address creation) are deliberately absent.
/// </summary>
public sealed class AllexApiKeyClient(IAllexPublicApi @public, IAllexUserApi user, IAllexTradingApi trading, IAllexWithdrawalApi withdrawals)
{
    public IAllexPublicApi Public { get; } = @public;
    public IAllexUserApi User { get; } = user;
    public IAllexTradingApi Trading { get; } = trading;

    /// <summary>Needs a key with <c>can_withdraw</c>; never retried.</summary>
    public IAllexWithdrawalApi Withdrawals { get; } = withdrawals;
}

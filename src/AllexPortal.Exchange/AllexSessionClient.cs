using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Security;
using AllexPortal.Exchange.Trading;

namespace AllexPortal.Exchange;

/// <summary>
/// What a bearer session (a JWT from <c>POST /login</c>) can reach: everything an API key can read or trade,
/// plus the account-security endpoints the exchange allows only to sessions.
/// </summary>
public sealed class AllexSessionClient(IAllexPublicApi @public, IAllexUserApi user, IAllexTradingApi trading, IAllexAccountSecurityApi security)
{
    public IAllexPublicApi Public { get; } = @public;
    public IAllexUserApi User { get; } = user;
    public IAllexTradingApi Trading { get; } = trading;
    public IAllexAccountSecurityApi Security { get; } = security;
}

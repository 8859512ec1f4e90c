using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Security;

namespace AllexPortal.Exchange;

/// <summary>
/// Builds clients for one exchange connection. The portal has many users, each with their own key, so
/// credentials are per client, while the HTTP pipeline (timeouts, retries, circuit breaker per host, the
/// per-host request budget) is shared by the whole process. Clients are cheap; create them per use.
/// </summary>
public interface IAllexClientFactory
{
    /// <summary>Unauthenticated market data and login. <paramref name="baseUrl"/> excludes <c>/v2</c>.</summary>
    IAllexPublicApi ForPublic(Uri baseUrl);

    /// <summary>A client that signs every request with <paramref name="credentials"/> (HMAC).</summary>
    AllexApiKeyClient ForApiKey(Uri baseUrl, ApiKeyCredentials credentials);

    /// <summary>A client that sends <paramref name="token"/> as a bearer session.</summary>
    AllexSessionClient ForSession(Uri baseUrl, SessionToken token);
}

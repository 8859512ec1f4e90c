using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Configuration;
using AllexPortal.Exchange.Json;
using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Security;
using AllexPortal.Exchange.Trading;
using Microsoft.Extensions.Options;
using Refit;

namespace AllexPortal.Exchange.Http;

/// <summary>
/// Puts a connection's authenticator in front of the shared, pooled pipeline handler. The handler belongs to
/// <see cref="IHttpMessageHandlerFactory"/>, so the <see cref="HttpClient"/> built here must not dispose it.
/// </summary>
internal sealed class AllexClientFactory(
    IHttpMessageHandlerFactory handlers,
    AllexRefitSettings refitSettings,
    IOptions<AllexClientOptions> options,
    TimeProvider timeProvider) : IAllexClientFactory
{
    public const string HttpClientName = "AllexPortal.Exchange";

    private readonly RefitSettings settings = refitSettings.Create();

    public IAllexPublicApi ForPublic(Uri baseUrl) =>
        Create<IAllexPublicApi>(HttpClientFor(AllexApiBase.From(baseUrl), authenticator: null));

    public AllexApiKeyClient ForApiKey(Uri baseUrl, ApiKeyCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var apiBase = AllexApiBase.From(baseUrl);
        var signed = HttpClientFor(apiBase, new HmacRequestAuthenticator(credentials, apiBase, options.Value.SignatureLifetime, timeProvider));
        return new AllexApiKeyClient(
            ForPublic(baseUrl),
            Create<IAllexUserApi>(signed),
            Create<IAllexTradingApi>(signed),
            Create<IAllexWithdrawalApi>(signed));
    }

    public AllexSessionClient ForSession(Uri baseUrl, SessionToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var session = HttpClientFor(AllexApiBase.From(baseUrl), new BearerRequestAuthenticator(token));
        return new AllexSessionClient(
            ForPublic(baseUrl),
            Create<IAllexUserApi>(session),
            Create<IAllexTradingApi>(session),
            Create<IAllexAccountSecurityApi>(session));
    }

    private T Create<T>(HttpClient client) => RestService.ForGenerated<T>(client, AllexJson.Context, settings);

    private HttpClient HttpClientFor(AllexApiBase apiBase, IRequestAuthenticator? authenticator)
    {
        var pipeline = handlers.CreateHandler(HttpClientName);
        HttpMessageHandler handler = authenticator is null
            ? pipeline
            : new ConnectionCredentialsHandler(authenticator) { InnerHandler = pipeline };
        return new HttpClient(handler, disposeHandler: false)
        {
            BaseAddress = apiBase.ApiRoot,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }
}

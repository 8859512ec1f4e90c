namespace AllexPortal.Exchange.Http;

/// <summary>
/// Outermost handler of a per-connection client: tags each request with that connection's authenticator,
/// which <see cref="RequestAuthenticationHandler"/> applies below the retry layer, once per attempt.
/// </summary>
internal sealed class ConnectionCredentialsHandler(IRequestAuthenticator authenticator) : DelegatingHandler
{
    internal static readonly HttpRequestOptionsKey<IRequestAuthenticator> Key = new("AllexPortal.Exchange.Authenticator");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.Set(Key, authenticator);
        return base.SendAsync(request, cancellationToken);
    }
}

namespace AllexPortal.Exchange.Http;

/// <summary>
/// Innermost handler of the shared pipeline: signs each attempt with the authenticator its connection put on
/// the request. Requests without one (public data) go out unauthenticated.
/// </summary>
internal sealed class RequestAuthenticationHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(ConnectionCredentialsHandler.Key, out var authenticator))
        {
            await authenticator.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

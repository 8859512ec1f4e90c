namespace AllexPortal.Exchange.Http;

/// <summary>Adds one connection's credentials to a request, right before each attempt is sent.</summary>
internal interface IRequestAuthenticator
{
    ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken);
}

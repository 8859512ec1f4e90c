using System.Net.Http.Headers;
using AllexPortal.Exchange.Security;

namespace AllexPortal.Exchange.Http;

/// <summary>Adds <c>Authorization: Bearer</c>; the exchange rejects requests that carry both auth kinds.</summary>
internal sealed class BearerRequestAuthenticator(SessionToken token) : IRequestAuthenticator
{
    public ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("api-key");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        return ValueTask.CompletedTask;
    }
}

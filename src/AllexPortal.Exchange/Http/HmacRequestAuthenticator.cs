using System.Globalization;
using System.Text;
using AllexPortal.Exchange.Configuration;
using AllexPortal.Exchange.Security;

namespace AllexPortal.Exchange.Http;

/// <summary>
/// Signs a request with an API key. The body Refit serialised is read once, signed, and put back as exactly
/// those bytes, so what is signed is what is sent. Each attempt gets a fresh <c>api-expires</c>.
/// </summary>
internal sealed class HmacRequestAuthenticator(
    ApiKeyCredentials credentials,
    AllexApiBase apiBase,
    TimeSpan signatureLifetime,
    TimeProvider timeProvider) : IRequestAuthenticator
{
    public async ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = string.Empty;
        if (request.Content is { } content)
        {
            body = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            content.Dispose();
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var expires = timeProvider.GetUtcNow().Add(signatureLifetime).ToUnixTimeSeconds();
        var path = apiBase.SignedPath(request.RequestUri!.PathAndQuery);
        var signature = HmacSignature.Compute(credentials.ApiSecret, request.Method.Method, path, expires, body);

        request.Headers.Authorization = null;
        request.Headers.Remove("api-key");
        request.Headers.Remove("api-signature");
        request.Headers.Remove("api-expires");
        request.Headers.TryAddWithoutValidation("api-key", credentials.ApiKey);
        request.Headers.TryAddWithoutValidation("api-signature", signature);
        request.Headers.TryAddWithoutValidation("api-expires", expires.ToString(CultureInfo.InvariantCulture));
    }
}

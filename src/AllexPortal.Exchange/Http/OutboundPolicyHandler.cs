using System.Net;
using AllexPortal.Exchange.Errors;

namespace AllexPortal.Exchange.Http;

/// <summary>
/// Outermost handler of the shared pipeline: refuses a request whose URL is not under an allowed exchange before
/// anything else runs (no retry, no budget, no connection), and refuses every redirect answer instead of following
/// it, so credentials signed for one host never reach another and no foreign body reaches the caller.
/// </summary>
internal sealed class OutboundPolicyHandler(ExchangeOutboundPolicy policy) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var endpoint = ExchangeErrorTranslation.EndpointOf(request);
        if (!policy.IsAllowedRequest(request.RequestUri))
        {
            throw new ExchangeApiException(
                ExchangeErrorKind.DestinationRefused,
                "This exchange address is not one this portal may call. Choose one of the exchanges the portal offers; an operator can allow more under Exchange:AllowedBaseUrls.",
                endpoint);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode is >= 300 and < 400 && response.StatusCode != HttpStatusCode.NotModified)
        {
            var status = response.StatusCode;
            response.Dispose();
            throw new ExchangeApiException(
                ExchangeErrorKind.DestinationRefused,
                $"The exchange answered {endpoint} with a redirect (HTTP {(int)status}), which this portal does not follow. Check that the exchange's address is its API address.",
                endpoint,
                status);
        }

        return response;
    }
}

using AllexPortal.Exchange.Errors;
using AllexPortal.Exchange.Json;
using Refit;

namespace AllexPortal.Exchange.Http;

/// <summary>Refit settings shared by every exchange client: the JSON context, query formatting and error translation.</summary>
internal sealed class AllexRefitSettings(TimeProvider timeProvider)
{
    private readonly ExchangeErrorTranslation errors = new(timeProvider);

    public RefitSettings Create() => new(new SystemTextJsonContentSerializer(AllexJson.Options), new ExchangeUrlParameterFormatter())
    {
        ExceptionFactory = errors.FromResponseAsync,
        DeserializationExceptionFactory = errors.FromDeserialization,
        TransportExceptionFactory = errors.FromTransport,
    };
}

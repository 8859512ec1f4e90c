using System.Text.Json.Serialization;
using AllexPortal.Exchange.Json;

namespace AllexPortal.Exchange.Security;

/// <summary>
/// Answer of <c>POST /user/token</c>: the only time the exchange shows the full secret. Store
/// <see cref="Credentials"/> encrypted immediately; <see cref="ToString"/> never prints the secret.
/// </summary>
[JsonConverter(typeof(CreatedApiKeyConverter))]
public sealed record CreatedApiKey(ApiKeyInfo Key, ApiKeyCredentials Credentials)
{
    /// <inheritdoc />
    public override string ToString() => $"CreatedApiKey {{ Id = {Key.Id}, Name = {Key.Name}, Credentials = {Credentials} }}";
}

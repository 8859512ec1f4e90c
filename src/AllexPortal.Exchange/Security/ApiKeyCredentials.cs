namespace AllexPortal.Exchange.Security;

/// <summary>
/// An exchange API key and its secret. The secret is only read by the request signer; <see cref="ToString"/>
/// hides it and shows the key by its last four characters, the only part the portal ever displays.
/// </summary>
public sealed record ApiKeyCredentials
{
    /// <summary>Creates credentials for one exchange connection.</summary>
    public ApiKeyCredentials(string apiKey, string apiSecret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiSecret);
        ApiKey = apiKey;
        ApiSecret = apiSecret;
    }

    /// <summary>The key sent in the <c>api-key</c> header.</summary>
    public string ApiKey { get; }

    /// <summary>The signing secret; never sent, logged or displayed.</summary>
    public string ApiSecret { get; }

    /// <summary>The key as the portal shows it: <c>…abcd</c>.</summary>
    public string MaskedKey => ApiKey.Length <= 4 ? "…" : "…" + ApiKey[^4..];

    /// <inheritdoc />
    public override string ToString() => $"ApiKeyCredentials {{ ApiKey = {MaskedKey}, ApiSecret = *** }}";
}

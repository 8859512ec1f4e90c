using AllexPortal.Exchange.Security;

namespace AllexPortal.Web.ApiKeys;

/// <summary>
/// The new key's credentials, readable until <see cref="Discard"/>: the one-time dialog shows the secret and may
/// save it as a connection, and on close discards it, after which nothing in the portal can show it again (the
/// exchange never shows it again either).
/// </summary>
public sealed class OneTimeSecret
{
    private ApiKeyCredentials? credentials;

    internal OneTimeSecret(ApiKeyCredentials credentials)
    {
        this.credentials = credentials;
        MaskedKey = ApiKeySummary.Mask(credentials.ApiKey);
    }

    /// <summary>The key as shown everywhere: <c>…abcd</c>.</summary>
    public string MaskedKey { get; }

    /// <summary>False once discarded.</summary>
    public bool IsAvailable => credentials is not null;

    /// <summary>The credentials while available.</summary>
    /// <exception cref="InvalidOperationException">Already discarded.</exception>
    public ApiKeyCredentials Reveal() =>
        credentials ?? throw new InvalidOperationException("The secret of this key was shown once and is gone; create a new key if it was not saved.");

    /// <summary>Drops the credentials from memory for good.</summary>
    public void Discard() => credentials = null;

    /// <inheritdoc />
    public override string ToString() => $"OneTimeSecret {{ Key = {MaskedKey}, Secret = *** }}";
}

namespace AllexPortal.Exchange.Configuration;

/// <summary>
/// Where <c>/v2</c> sits under a deployment's base URL. Everything before it (the demo's <c>/sandbox</c>, a
/// reverse-proxy prefix) is not part of the signed path; the exchange verifies from <c>/v2</c> on.
/// </summary>
public sealed record AllexApiBase
{
    private const string Version = "/v2";

    private AllexApiBase(Uri apiRoot, string unsignedPrefix)
    {
        ApiRoot = apiRoot;
        UnsignedPrefix = unsignedPrefix;
    }

    /// <summary>The URL the client sends to: the base URL with <c>/v2</c> appended, no trailing slash.</summary>
    public Uri ApiRoot { get; }

    /// <summary>The path before <c>/v2</c> (empty for <c>https://api.allex.online</c>).</summary>
    public string UnsignedPrefix { get; }

    /// <summary>Accepts a base URL with or without a path prefix, with or without a trailing <c>/v2</c>.</summary>
    public static AllexApiBase From(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!baseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The exchange base URL must be absolute.", nameof(baseUrl));
        }

        var path = baseUrl.AbsolutePath.TrimEnd('/');
        if (path.EndsWith(Version, StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^Version.Length];
        }

        var root = new UriBuilder(baseUrl) { Path = path + Version, Query = string.Empty, Fragment = string.Empty }.Uri;
        return new AllexApiBase(root, path);
    }

    /// <summary>The part of <paramref name="pathAndQuery"/> the exchange signs: from <c>/v2</c> on.</summary>
    public string SignedPath(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        return UnsignedPrefix.Length > 0 && pathAndQuery.StartsWith(UnsignedPrefix + Version, StringComparison.Ordinal)
            ? pathAndQuery[UnsignedPrefix.Length..]
            : pathAndQuery;
    }
}

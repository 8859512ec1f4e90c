using AllexPortal.Exchange.Security;

namespace AllexPortal.Web.Connections;

/// <summary>The rules for what a user types into the connection form, applied at the service's edge:
/// values are trimmed, and anything unusable is refused with a message that names the field.</summary>
internal static class ConnectionInput
{
    public const int MaxLabelLength = 100;

    public static string Label(string? label)
    {
        var trimmed = label?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new ConnectionRefusedException("Enter a label for the connection.");
        }

        return trimmed.Length <= MaxLabelLength
            ? trimmed
            : throw new ConnectionRefusedException($"The label may be at most {MaxLabelLength} characters long.");
    }

    public static Uri BaseUrl(string? baseUrl)
    {
        var trimmed = baseUrl?.Trim() ?? "";
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                && string.IsNullOrEmpty(uri.UserInfo)
            ? uri
            : throw new ConnectionRefusedException("Enter the exchange's address as a full http:// or https:// URL, e.g. https://api.allex.online.");
    }

    public static ApiKeyCredentials Credentials(string? apiKey, string? apiSecret)
    {
        var key = apiKey?.Trim() ?? "";
        var secret = apiSecret?.Trim() ?? "";
        if (key.Length == 0)
        {
            throw new ConnectionRefusedException("Enter the API key.");
        }

        return secret.Length > 0 ? new ApiKeyCredentials(key, secret) : throw new ConnectionRefusedException("Enter the API secret.");
    }
}

namespace AllexPortal.Sandbox.Auth;

/// <summary>The Kit's authentication texts (server/messages.js) with the middleware's prefix.</summary>
internal static class AuthMessages
{
    public const string Prefix = "Access denied: ";
    public const string ApiKeyMissing = "Access Denied: API Key is not provided";
    public const string SignatureMissing = "Access Denied: API Signature is not provided";
    public const string RequestExpired = "Access Denied: API request is expired";
    public const string InvalidKey = "Access Denied: Invalid API Key";
    public const string InvalidSignature = "Access Denied: Invalid API Signature";
    public const string KeyExpired = "Access Denied: API Key is expired";
    public const string KeyFrozen = "Access Denied: API Key is frozen";
    public const string SignatureReplayed = "Access Denied: API Signature has already been used";
    public const string MissingPermission = "Unauthorized Access. This key does not have the right permissions to access this endpoint";
    public const string IpNotAllowed = "Unauthorized Access. The IP address you are reaching this endpoint through is not allowed to access this endpoint";
    public const string TokenInvalid = "Token is invalid";
    public const string InvalidTokenType = "invalid token type";
    public const string NoAuth = "no auth token sent";
    public const string Multiple = "Multiple API Key methods are provided";
}

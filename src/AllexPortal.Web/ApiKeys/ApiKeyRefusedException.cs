namespace AllexPortal.Web.ApiKeys;

/// <summary>Input that the exchange would refuse (or that the portal will not send); the message names the field
/// and says what to enter, so pages show it as is.</summary>
public sealed class ApiKeyRefusedException : Exception
{
    /// <summary>Creates the exception with a user-worded message.</summary>
    public ApiKeyRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the standard message.</summary>
    public ApiKeyRefusedException()
        : base("The API key request is not valid.")
    {
    }

    /// <summary>Creates the exception with a user-worded message and cause.</summary>
    public ApiKeyRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

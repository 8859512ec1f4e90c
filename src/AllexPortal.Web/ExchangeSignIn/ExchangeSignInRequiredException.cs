namespace AllexPortal.Web.ExchangeSignIn;

/// <summary>
/// Thrown when an action needs the user's exchange session (key management, 2FA, deposit addresses, withdrawals)
/// and there is none in this circuit, or it has expired or been ended by the exchange. Pages answer it by offering
/// the "Sign in to ALLEX" dialog.
/// </summary>
public sealed class ExchangeSignInRequiredException : Exception
{
    /// <summary>Creates the exception with the standard user-worded message.</summary>
    public ExchangeSignInRequiredException()
        : base("Sign in to ALLEX first: this action needs your exchange session.")
    {
    }

    /// <summary>Creates the exception with a specific user-worded message.</summary>
    public ExchangeSignInRequiredException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a specific message and cause.</summary>
    public ExchangeSignInRequiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace AllexPortal.Web.ExchangeSignIn;

/// <summary>How an exchange sign-in ended; each failure has its own message because each asks the user for
/// something different (another password, the 2FA code, patience, or a call to the exchange's support).</summary>
public enum ExchangeSignInOutcome
{
    /// <summary>The session is open and was checked with <c>verify-token</c>.</summary>
    SignedIn,

    /// <summary>The e-mail or password was not accepted (or not entered).</summary>
    WrongCredentials,

    /// <summary>The account has 2FA on and no code was entered.</summary>
    OtpRequired,

    /// <summary>A 2FA code was entered and the exchange refused it.</summary>
    WrongOtp,

    /// <summary>The exchange has locked, frozen or deactivated the account.</summary>
    AccountLocked,

    /// <summary>Too many attempts: the exchange refuses sign-ins from this server for a while.</summary>
    RateLimited,

    /// <summary>The exchange could not be reached, timed out or failed.</summary>
    ExchangeUnreachable,

    /// <summary>Any other refusal; the message carries the exchange's own words.</summary>
    Refused,
}

namespace AllexPortal.Web.ExchangeSignIn;

/// <summary>The answer to an exchange sign-in: an outcome to branch on and a message to show the user as is.
/// Never carries the password, the code or the session token.</summary>
public sealed record ExchangeSignInResult(ExchangeSignInOutcome Outcome, string Message, TimeSpan? RetryAfter = null)
{
    /// <summary>True when the session is open.</summary>
    public bool Succeeded => Outcome == ExchangeSignInOutcome.SignedIn;
}

namespace AllexPortal.Web.Wallet;

/// <summary>How the exchange answered a withdrawal request or its confirmation.</summary>
public enum WithdrawalOutcome
{
    /// <summary>Accepted; the exchange e-mailed a confirmation code that the user enters next.</summary>
    AwaitingEmailConfirmation,

    /// <summary>Confirmed with the e-mailed code; the exchange sends the funds.</summary>
    Confirmed,

    /// <summary>Refused by the exchange, which said why (e.g. a wrong 2FA code).</summary>
    Rejected,

    /// <summary>No clear answer; never sent again on its own.</summary>
    Unknown,
}

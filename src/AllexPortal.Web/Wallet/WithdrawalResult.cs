namespace AllexPortal.Web.Wallet;

/// <summary>The exchange's answer to a withdrawal step, worded for the user in <see cref="Message"/>.</summary>
public sealed record WithdrawalResult(WithdrawalOutcome Outcome, string Message, string? TransactionId = null, decimal? Fee = null);

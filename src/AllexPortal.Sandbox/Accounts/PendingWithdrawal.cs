namespace AllexPortal.Sandbox.Accounts;

/// <summary>A withdrawal the user asked for and has not yet confirmed with the e-mailed code.</summary>
internal sealed record PendingWithdrawal(string Currency, decimal Amount, string Address, string Network, DateTimeOffset Expiry);

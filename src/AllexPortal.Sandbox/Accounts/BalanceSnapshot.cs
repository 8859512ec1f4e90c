namespace AllexPortal.Sandbox.Accounts;

/// <summary>A daily record of an account's holdings valued in usdt (the Kit's balance-history rows).</summary>
internal sealed record BalanceSnapshot(int Id, DateTimeOffset CreatedAt, decimal[] Balances, decimal[] Values, decimal Total);

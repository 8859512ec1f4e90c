namespace AllexPortal.Sandbox.Accounts;

/// <summary>A deposit address as the profile's <c>wallet</c> list shows it.</summary>
internal sealed record DepositAddress(string Currency, string Address, string Network, string? Standard, bool IsValid, DateTimeOffset CreatedAt);

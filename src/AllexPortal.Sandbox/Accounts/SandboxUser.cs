using AllexPortal.Sandbox.Trading;

namespace AllexPortal.Sandbox.Accounts;

/// <summary>An account of the emulated exchange with everything the API reports about it.</summary>
internal sealed class SandboxUser
{
    public required int Id { get; init; }

    public required string Email { get; init; }

    public required byte[] PasswordHash { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public int VerificationLevel { get; set; } = 1;

    public bool OtpEnabled { get; set; }

    public string? OtpSecret { get; set; }

    public string? PendingOtpSecret { get; set; }

    public bool IsHouse { get; init; }

    /// <summary>Deactivated by the exchange's operators: the password is still checked, but login is refused.</summary>
    public bool Deactivated { get; set; }

    public decimal[] Available { get; set; } = [];

    public decimal[] Held { get; set; } = [];

    public DateTimeOffset BalanceUpdatedAt { get; set; }

    /// <summary>All fills in time order; the first <see cref="HistoricalFills"/> each belong to their own filled order.</summary>
    public List<SandboxTrade> Trades { get; set; } = [];

    public int HistoricalFills { get; set; }

    /// <summary>Orders placed through the API or seeded as open; historical filled orders are derived from trades.</summary>
    public List<Order> Orders { get; } = [];

    public List<SandboxTransfer> Deposits { get; } = [];

    public List<SandboxTransfer> Withdrawals { get; } = [];

    public List<BalanceSnapshot> Snapshots { get; set; } = [];

    public List<DepositAddress> Wallet { get; } = [];

    public string? EmailCode { get; set; }

    public DateTimeOffset EmailCodeExpiry { get; set; }

    /// <summary>Withdrawals requested and waiting for their e-mailed code, by code.</summary>
    public Dictionary<string, PendingWithdrawal> PendingWithdrawals { get; } = new(StringComparer.Ordinal);

    /// <summary>Moves free funds into the hold of an order; fails like the exchange when they are missing.</summary>
    public void Reserve(int coin, decimal amount, DateTimeOffset now)
    {
        if (!IsHouse && Available[coin] < amount)
        {
            throw Wire.SandboxError.BadRequest("Insufficient balance to perform the order");
        }
        Available[coin] -= amount;
        Held[coin] += amount;
        BalanceUpdatedAt = now;
    }

    public void Release(int coin, decimal amount, DateTimeOffset now)
    {
        Held[coin] -= amount;
        Available[coin] += amount;
        BalanceUpdatedAt = now;
    }

    public void SpendHeld(int coin, decimal amount, DateTimeOffset now)
    {
        Held[coin] -= amount;
        BalanceUpdatedAt = now;
    }

    public void Credit(int coin, decimal amount, DateTimeOffset now)
    {
        Available[coin] += amount;
        BalanceUpdatedAt = now;
    }
}

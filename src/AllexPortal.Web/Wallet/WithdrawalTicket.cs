namespace AllexPortal.Web.Wallet;

/// <summary>A withdrawal as the user fills it in. Mutable because the form binds to it; the server validates it again.</summary>
public sealed class WithdrawalTicket
{
    public string Coin { get; set; } = string.Empty;

    public string Network { get; set; } = string.Empty;

    public decimal? Amount { get; set; }

    public string Address { get; set; } = string.Empty;

    /// <summary>The exchange account's current 2FA code; required when its 2FA is on.</summary>
    public string? OtpCode { get; set; }

    /// <summary>The strong confirmation: the user types the amount or the address again.</summary>
    public string? Confirmation { get; set; }

    /// <summary>A copy that later edits of the form cannot change.</summary>
    public WithdrawalTicket Copy() => (WithdrawalTicket)MemberwiseClone();

    /// <inheritdoc />
    public override string ToString() => $"WithdrawalTicket {{ Coin = {Coin}, Network = {Network}, Amount = {Amount}, OtpCode = *** }}";
}

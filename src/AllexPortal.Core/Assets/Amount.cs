namespace AllexPortal.Core.Assets;

/// <summary>
/// A quantity of one asset, such as 0.5 btc or 12.25 usdt.
/// </summary>
/// <remarks>
/// The quantity is an exact <see cref="decimal"/>; no rounding happens here. Whether a negative quantity is
/// meaningful depends on the caller: ledger events reject it, balances may use it for a shortfall.
/// </remarks>
/// <param name="Asset">The asset the quantity is counted in.</param>
/// <param name="Quantity">How many units of <paramref name="Asset"/>.</param>
public readonly record struct Amount(Asset Asset, decimal Quantity)
{
    /// <summary>Shorthand for <c>new Amount(new Asset(code), quantity)</c>.</summary>
    public static Amount Of(decimal quantity, string code) => new(new Asset(code), quantity);

    /// <summary>Prints as <c>0.5 btc</c>.</summary>
    public override string ToString() => FormattableString.Invariant($"{Quantity} {Asset}");
}

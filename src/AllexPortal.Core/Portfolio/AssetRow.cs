namespace AllexPortal.Core.Portfolio;

/// <summary>
/// One coin of a valued portfolio. <see cref="Price"/> and <see cref="Value"/> are null when the oracle has no
/// price for the coin: the row is still shown, but not summed. <see cref="Share"/> is a fraction (0.25 = 25 %).
/// </summary>
public sealed record AssetRow(
    string Coin,
    string Name,
    decimal Available,
    decimal InOrders,
    decimal Total,
    decimal? Price,
    decimal? Value,
    decimal Share,
    decimal? ChangePercent24h)
{
    /// <summary>False when the oracle could not price the coin.</summary>
    public bool IsPriced => Price is not null;
}

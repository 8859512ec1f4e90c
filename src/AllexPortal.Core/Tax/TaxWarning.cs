using AllexPortal.Core.Assets;

namespace AllexPortal.Core.Tax;

/// <summary>
/// Something in the ledger that the report could not settle on its own and that the user should look at.
/// </summary>
/// <remarks>
/// Warnings cover every event up to the end of the period, not only those inside it, because earlier events
/// shape the lots the period consumes.
/// </remarks>
/// <param name="LedgerId">The event concerned; <c>null</c> for the valuation at the period end.</param>
/// <param name="Time">When the event happened, or the valuation instant.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Asset">The asset concerned.</param>
/// <param name="Quantity">The quantity concerned (see <see cref="TaxWarningKind"/>).</param>
public sealed record TaxWarning(long? LedgerId, DateTimeOffset Time, TaxWarningKind Kind, Asset Asset, decimal Quantity)
{
    /// <summary>A sentence for the report page.</summary>
    public string Message => Kind switch
    {
        TaxWarningKind.Oversold => FormattableString.Invariant(
            $"{Time:u}: disposed of {Quantity} {Asset} more than was held; that part has no cost basis."),
        TaxWarningKind.MissingPrice when LedgerId is null => FormattableString.Invariant(
            $"{Time:u}: no hourly close for {Asset} at the period end; the unrealised gain on {Quantity} {Asset} is unknown."),
        TaxWarningKind.MissingPrice => FormattableString.Invariant(
            $"{Time:u}: no hourly close for {Asset}; {Quantity} {Asset} was valued at zero."),
        _ => FormattableString.Invariant(
            $"{Time:u}: deposit of {Quantity} {Asset} has no known cost basis."),
    };
}

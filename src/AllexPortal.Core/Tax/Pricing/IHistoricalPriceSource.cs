namespace AllexPortal.Core.Tax.Pricing;

/// <summary>
/// Where the tax engine gets historical hourly closes for legs not quoted in the report currency.
/// </summary>
/// <remarks>
/// The portal backs this with the exchange's chart endpoint and a local cache, so a report never refetches a
/// candle. Requests come in one batch per report (see <see cref="TaxReportBuilder"/>) so an implementation can
/// group keys by asset and fetch whole ranges. A key the source cannot price is simply left out of the answer:
/// the engine then warns on each event that needed it (<see cref="TaxWarningKind.MissingPrice"/>) rather than
/// treating the price as zero.
/// </remarks>
public interface IHistoricalPriceSource
{
    /// <summary>Returns the hourly closes known for <paramref name="keys"/>, leaving out those it cannot price.</summary>
    ValueTask<IReadOnlyDictionary<PriceKey, decimal>> GetHourlyClosesAsync(
        IReadOnlyCollection<PriceKey> keys, CancellationToken cancellationToken);
}

using AllexPortal.Core.Tax.Events;
using AllexPortal.Core.Tax.Pricing;

namespace AllexPortal.Core.Tax;

/// <summary>
/// The cost-basis engine: replays ledger events in time order and matches every disposal to lots.
/// </summary>
/// <remarks>
/// <para>
/// <b>Valuation.</b> A trade is worth its leg in the report currency when it has one; otherwise the bought leg
/// at the hourly close (or, failing that, the sold leg). A fee in one of the trade's own coins is valued at the
/// price the trade implies; a fee in a third coin, a withdrawal fee and a deposit at market take the hourly
/// close. A missing close values the leg at zero <em>and</em> raises a <see cref="TaxWarningKind.MissingPrice"/>
/// warning on the event; it is never silently zero.
/// </para>
/// <para>
/// <b>Fees</b> are counted once, the same under every method. A fee on a purchase adds to the cost of the lot:
/// paid in the bought coin, the lot has fewer units for the same cost; paid in the report currency or a third
/// coin, its value is added to the cost. A fee on a sale into the report currency reduces the proceeds. A fee in
/// the sold coin is disposed of with the sold leg, so the same proceeds cover more units. A fee in a third coin
/// is also a disposal of that coin (<see cref="DisposalKind.TradeFee"/>) at its market value.
/// </para>
/// <para>
/// <b>Transfers.</b> A withdrawal moves lots (chosen by the method) to "in transit" and disposes only of its fee;
/// a deposit brings in-transit lots back with their dates and cost, and anything beyond them is a new lot of
/// unknown basis, flagged and valued as the options say. No lots are kept for the report currency itself.
/// </para>
/// <para>
/// <b>Shortfalls.</b> Selling or withdrawing more than is held raises an <see cref="TaxWarningKind.Oversold"/>
/// warning with the shortfall; the unmatched part of a sale is reported as its own row with zero cost basis.
/// </para>
/// <para>
/// <b>Methods per tax year.</b> A disposal uses the method of the tax year it falls in
/// (<see cref="TaxReportOptions.MethodFor"/>); when a year's method differs from the last one, the held lots carry
/// over into it as <see cref="TaxReportOptions.MethodByTaxYear"/> describes (into a pool at their total cost, out of
/// one as a single lot at the pooled cost). With no overrides nothing is ever carried over.
/// </para>
/// <para>
/// All arithmetic is <see cref="decimal"/>. Where a value must be divided (part of a lot, part of the proceeds,
/// the pool average) or multiplied by a price, it is rounded once to 12 decimal places and the remainder is
/// carried, so totals are conserved exactly (see <see cref="ValueRounding"/>).
/// </para>
/// </remarks>
public static class CostBasisEngine
{
    /// <summary>
    /// Replays <paramref name="events"/> (in any order) up to the end of the period and reports the period.
    /// </summary>
    /// <param name="events">The ledger's trades, deposits and withdrawals of the chosen connections.</param>
    /// <param name="options">Method, period, report currency and the other choices.</param>
    /// <param name="prices">Hourly closes resolved beforehand (see <see cref="PriceRequirements"/>).</param>
    /// <exception cref="ArgumentException">An event is malformed, or two share a time and ledger id.</exception>
    public static TaxReport Run(IEnumerable<LedgerEvent> events, TaxReportOptions options, PriceTable prices)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(prices);
        var ordered = LedgerEventOrder.Sort(events);
        return new CostBasisRun(options, prices, ordered.Length).Run(ordered);
    }
}

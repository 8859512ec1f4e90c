using AllexPortal.Core.Assets;
using AllexPortal.Core.Tax.Lots;
using AllexPortal.Core.Tax.Pricing;

namespace AllexPortal.Core.Tax;

/// <summary>
/// Turns the end state of a <see cref="CostBasisRun"/> into a <see cref="TaxReport"/>: totals, remaining lots and
/// unrealised gains at the last hourly close of the period.
/// </summary>
internal sealed class TaxReportSummary(TaxReportOptions options, List<Disposal> disposals, List<TaxWarning> warnings)
{
    public TaxReport Summarise(Dictionary<Asset, AssetAccount> accounts, PriceTable prices)
    {
        var ordered = accounts.OrderBy(pair => pair.Key.Code, StringComparer.Ordinal).ToList();
        var remaining = Lots(ordered, static (account, lots) => account.Held.CopyTo(lots));
        var inTransit = Lots(ordered, static (account, lots) => account.CopyInTransitTo(lots));
        var years = ordered
            .SelectMany(pair => pair.Value.TotalsByYear.Select(year => (Year: year.Key, Totals: new AssetTotals(pair.Key, year.Value))))
            .GroupBy(entry => entry.Year)
            .OrderBy(group => group.Key.StartYear)
            .Select(group => new YearTotals(group.Key, Sum(group.Select(entry => entry.Totals.Totals)), group.Select(entry => entry.Totals).ToList()))
            .ToList();
        var byAsset = ordered
            .Where(pair => pair.Value.TotalsByYear.Count > 0)
            .Select(pair => new AssetTotals(pair.Key, Sum(pair.Value.TotalsByYear.Values)))
            .ToList();
        return new TaxReport
        {
            Options = options,
            Disposals = disposals,
            Totals = Sum(byAsset.Select(asset => asset.Totals)),
            TotalsByAsset = byAsset,
            TotalsByYear = years,
            Unrealised = Unrealised(remaining, prices),
            RemainingLots = remaining,
            LotsInTransit = inTransit,
            Warnings = warnings,
        };
    }

    private List<UnrealisedGain> Unrealised(List<Lot> remaining, PriceTable prices)
    {
        var unrealised = new List<UnrealisedGain>();
        var at = options.Period.LastInstant;
        foreach (var group in remaining.GroupBy(lot => lot.Asset))
        {
            var quantity = group.Sum(lot => lot.Quantity);
            decimal? value = null;
            if (prices.TryGetPrice(group.Key, options.ReportCurrency, at, out var price))
            {
                value = ValueRounding.Value(quantity * price);
            }
            else
            {
                warnings.Add(new TaxWarning(null, at, TaxWarningKind.MissingPrice, group.Key, quantity));
            }

            unrealised.Add(new UnrealisedGain(group.Key, quantity, group.Sum(lot => lot.CostBasis), value));
        }

        return unrealised;
    }

    private static GainTotals Sum(IEnumerable<GainTotals> parts) => parts.Aggregate(default(GainTotals), GainTotals.Add);

    private static List<Lot> Lots(List<KeyValuePair<Asset, AssetAccount>> accounts, Action<AssetAccount, List<HeldLot>> copy)
    {
        var lots = new List<Lot>();
        var pieces = new List<HeldLot>();
        foreach (var (asset, account) in accounts)
        {
            pieces.Clear();
            copy(account, pieces);
            lots.AddRange(pieces.Select(piece => new Lot(
                asset, piece.LedgerId, new DateTimeOffset(piece.AcquiredAtTicks, TimeSpan.Zero), piece.Quantity, piece.Cost)));
        }

        return lots;
    }
}

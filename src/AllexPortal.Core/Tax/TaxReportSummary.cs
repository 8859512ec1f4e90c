using System.Runtime.InteropServices;
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
    public TaxReport Summarise(
        Dictionary<Asset, LotStore> held, Dictionary<Asset, LotStore> inTransit, PriceTable prices)
    {
        var remaining = Lots(held);
        var unrealised = new List<UnrealisedGain>();
        foreach (var group in remaining.GroupBy(lot => lot.Asset))
        {
            var quantity = group.Sum(lot => lot.Quantity);
            var cost = group.Sum(lot => lot.CostBasis);
            decimal? value = null;
            if (prices.TryGetPrice(group.Key, options.ReportCurrency, options.Period.LastInstant, out var price))
            {
                value = ValueRounding.Value(quantity * price);
            }
            else
            {
                warnings.Add(new TaxWarning(null, options.Period.LastInstant, TaxWarningKind.MissingPrice, group.Key, quantity));
            }

            unrealised.Add(new UnrealisedGain(group.Key, quantity, cost, value));
        }

        var byYear = new SortedDictionary<int, (TaxYear Year, Dictionary<Asset, GainTotals> ByAsset)>();
        Dictionary<Asset, GainTotals> yearTotals = [];
        DateTimeOffset yearStart = DateTimeOffset.MaxValue, yearEnd = DateTimeOffset.MinValue;
        foreach (ref readonly var row in CollectionsMarshal.AsSpan(disposals))
        {
            if (row.DisposedAt >= yearEnd || row.DisposedAt < yearStart)
            {
                var year = TaxYear.Containing(row.DisposedAt, options.TaxYearStart);
                (yearStart, yearEnd) = (year.Start, year.End);
                yearTotals = ByAssetOf(byYear, year);
            }

            ref var totals = ref CollectionsMarshal.GetValueRefOrAddDefault(yearTotals, row.Asset, out _);
            totals = totals.Add(row);
        }

        var years = byYear.Values
            .Where(entry => entry.ByAsset.Count > 0)
            .Select(entry => new YearTotals(entry.Year, Sum(entry.ByAsset.Values), Ordered(entry.ByAsset)))
            .ToList();
        var assets = years.SelectMany(entry => entry.ByAsset)
            .GroupBy(entry => entry.Asset)
            .ToDictionary(group => group.Key, group => Sum(group.Select(entry => entry.Totals)));
        return new TaxReport
        {
            Options = options,
            Disposals = disposals,
            Totals = Sum(assets.Values),
            TotalsByAsset = Ordered(assets),
            TotalsByYear = years,
            Unrealised = unrealised,
            RemainingLots = remaining,
            LotsInTransit = Lots(inTransit),
            Warnings = warnings,
        };
    }

    private static Dictionary<Asset, GainTotals> ByAssetOf(
        SortedDictionary<int, (TaxYear Year, Dictionary<Asset, GainTotals> ByAsset)> byYear, TaxYear year)
    {
        if (!byYear.TryGetValue(year.StartYear, out var entry))
        {
            entry = (year, []);
            byYear.Add(year.StartYear, entry);
        }

        return entry.ByAsset;
    }

    private static GainTotals Sum(IEnumerable<GainTotals> parts) => parts.Aggregate(default(GainTotals), (sum, part) =>
        new GainTotals(sum.Proceeds + part.Proceeds, sum.CostBasis + part.CostBasis,
            sum.ShortTermGain + part.ShortTermGain, sum.LongTermGain + part.LongTermGain));

    private static List<AssetTotals> Ordered(Dictionary<Asset, GainTotals> totals) => totals
        .OrderBy(pair => pair.Key.Code, StringComparer.Ordinal)
        .Select(pair => new AssetTotals(pair.Key, pair.Value))
        .ToList();

    private static List<Lot> Lots(Dictionary<Asset, LotStore> stores)
    {
        var lots = new List<Lot>();
        var pieces = new List<HeldLot>();
        foreach (var (asset, store) in stores.OrderBy(pair => pair.Key.Code, StringComparer.Ordinal))
        {
            pieces.Clear();
            store.CopyTo(pieces);
            lots.AddRange(pieces.Select(piece => new Lot(asset, piece.LedgerId, piece.AcquiredAt, piece.Quantity, piece.Cost)));
        }

        return lots;
    }
}

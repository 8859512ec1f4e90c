using AllexPortal.Core.Assets;
using AllexPortal.Core.Tax.Events;

namespace AllexPortal.Core.Tax.Exports;

/// <summary>
/// The headline numbers of a report, computed once so the page, the workbook's summary sheet and the tests all
/// show the same values: realised totals from the engine, fees, unrealised gains and the realised gain per month.
/// </summary>
/// <remarks>
/// Fees are those of the period's transactions, valued in the report currency where the row itself says what they
/// were worth: a fee in the report currency, or a fee in a leg of a trade that has a leg in the report currency (at
/// the trade's own price). Any other fee (a third coin, a crypto-to-crypto trade) is listed per coin in
/// <see cref="UnvaluedFees"/> rather than guessed. The engine has already counted every fee in the gains; these
/// figures only report them.
/// </remarks>
public sealed record ReportFigures
{
    /// <summary>Realised totals of the period (proceeds, cost basis, short and long term gain).</summary>
    public required GainTotals Realised { get; init; }

    /// <summary>Fees of the period valued in the report currency.</summary>
    public required decimal Fees { get; init; }

    /// <summary>Fees that could not be valued from their own row, summed per coin.</summary>
    public required IReadOnlyList<Amount> UnvaluedFees { get; init; }

    /// <summary>The cost of everything held at the period end.</summary>
    public required decimal UnrealisedCost { get; init; }

    /// <summary>Market value at the period end of the assets that have a price.</summary>
    public required decimal MarketValue { get; init; }

    /// <summary>Unrealised gain of the assets that have a price.</summary>
    public required decimal UnrealisedGain { get; init; }

    /// <summary>Assets held at the period end without a price (their unrealised gain is unknown).</summary>
    public required IReadOnlyList<Asset> UnpricedAssets { get; init; }

    /// <summary>Realised gain per calendar month of the period, oldest first, months without disposals at zero.</summary>
    public required IReadOnlyList<MonthlyGain> Months { get; init; }

    /// <summary>The most months <see cref="Months"/> lists; a longer custom range lists only months with disposals.</summary>
    public const int MaxFilledMonths = 240;

    /// <summary>Computes the figures of <paramref name="report"/> from it and the period's <paramref name="transactions"/>.</summary>
    public static ReportFigures From(TaxReport report, IEnumerable<ReportTransaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(transactions);
        var currency = report.Currency;
        var fees = 0m;
        var unvalued = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var transaction in transactions)
        {
            if (transaction.Fee is not { Quantity: > 0m } fee)
            {
                continue;
            }

            if (FeeValue(transaction.Event, fee, currency) is { } value)
            {
                fees += value;
            }
            else
            {
                unvalued[fee.Asset.Code] = unvalued.GetValueOrDefault(fee.Asset.Code) + fee.Quantity;
            }
        }

        var priced = report.Unrealised.Where(u => u.MarketValue is not null).ToList();
        return new ReportFigures
        {
            Realised = report.Totals,
            Fees = fees,
            UnvaluedFees = [.. unvalued.Select(pair => new Amount(new Asset(pair.Key), pair.Value))],
            UnrealisedCost = report.Unrealised.Sum(u => u.CostBasis),
            MarketValue = priced.Sum(u => u.MarketValue!.Value),
            UnrealisedGain = priced.Sum(u => u.Gain!.Value),
            UnpricedAssets = [.. report.Unrealised.Where(u => u.MarketValue is null).Select(u => u.Asset)],
            Months = Monthly(report),
        };
    }

    private static decimal? FeeValue(LedgerEvent ledgerEvent, Amount fee, Asset currency)
    {
        if (fee.Asset == currency)
        {
            return fee.Quantity;
        }

        if (ledgerEvent is not TradeEvent trade)
        {
            return null;
        }

        var (inCurrency, other) = trade.Sold.Asset == currency ? (trade.Sold, trade.Bought)
            : trade.Bought.Asset == currency ? (trade.Bought, trade.Sold)
            : (default(Amount?), default(Amount?));
        return inCurrency is { } leg && other is { Quantity: > 0m } coin && coin.Asset == fee.Asset
            ? decimal.Round(fee.Quantity * leg.Quantity / coin.Quantity, 12, MidpointRounding.ToEven)
            : null;
    }

    private static List<MonthlyGain> Monthly(TaxReport report)
    {
        var gains = new SortedDictionary<DateTimeOffset, decimal>();
        foreach (var disposal in report.Disposals)
        {
            var at = disposal.DisposedAt;
            var month = new DateTimeOffset(at.Year, at.Month, 1, 0, 0, 0, TimeSpan.Zero);
            gains[month] = gains.GetValueOrDefault(month) + disposal.Gain;
        }

        var period = report.Options.Period;
        var first = new DateTimeOffset(period.Start.Year, period.Start.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var last = period.LastInstant;
        var months = ((last.Year - first.Year) * 12) + last.Month - first.Month + 1;
        if (months <= MaxFilledMonths)
        {
            for (var month = first; month <= last; month = month.AddMonths(1))
            {
                gains.TryAdd(month, 0m);
            }
        }

        return [.. gains.Select(pair => new MonthlyGain(pair.Key, pair.Value))];
    }
}

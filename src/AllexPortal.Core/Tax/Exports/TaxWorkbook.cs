using AllexPortal.Core.Assets;
using MiniExcelLibs;

namespace AllexPortal.Core.Tax.Exports;

/// <summary>
/// The whole report as one Excel workbook: a summary sheet, then disposals, transactions, lots and warnings, each
/// with the columns of the matching CSV file.
/// </summary>
/// <remarks>
/// Amounts are numeric cells and times are date cells (UTC), so they sort and sum in a spreadsheet. A spreadsheet
/// holds numbers as doubles (15 significant digits), so the workbook shows values the CSV files carry exactly;
/// for an exact reconciliation use the CSV. Text is written as typed string cells, never as formulas, so a text
/// such as <c>=HYPERLINK(...)</c> in a description stays inert without the apostrophe the CSV files add.
/// </remarks>
public static class TaxWorkbook
{
    /// <summary>The sheet names, in order.</summary>
    public static readonly IReadOnlyList<string> Sheets = ["Summary", "Disposals", "Transactions", "Lots", "Warnings"];

    /// <summary>Writes the workbook of <paramref name="report"/> and the period's <paramref name="transactions"/> to <paramref name="stream"/>.</summary>
    /// <param name="report">The computed report.</param>
    /// <param name="figures">Its headline figures (see <see cref="ReportFigures.From"/>).</param>
    /// <param name="transactions">The period's transactions in replay order.</param>
    /// <param name="stream">
    /// Where the .xlsx goes; it need not be seekable, but MiniExcel writes to it synchronously, so a web response
    /// body (which refuses synchronous writes) needs a buffer in between.
    /// </param>
    /// <param name="cancellationToken">Stops the write.</param>
    public static async Task WriteAsync(
        TaxReport report, ReportFigures figures, IEnumerable<ReportTransaction> transactions, Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(transactions);
        var currency = ExportFormat.Coin(report.Currency);
        var sheets = new Dictionary<string, object>
        {
            [Sheets[0]] = Summary(report, figures),
            [Sheets[1]] = Disposals(report, currency),
            [Sheets[2]] = Transactions(transactions, report.Currency),
            [Sheets[3]] = Lots(report, currency),
            [Sheets[4]] = Warnings(report),
        };
        await MiniExcel.SaveAsAsync(stream, sheets, cancellationToken: cancellationToken);
    }

    private static IEnumerable<Dictionary<string, object?>> Summary(TaxReport report, ReportFigures figures)
    {
        var options = report.Options;
        yield return Row(SummaryItems.PeriodStart, options.Period.Start.UtcDateTime);
        yield return Row(SummaryItems.PeriodEnd, options.Period.End.UtcDateTime);
        yield return Row(SummaryItems.Method, MethodText(options));
        yield return Row(SummaryItems.Currency, ExportFormat.Coin(report.Currency));
        yield return Row(SummaryItems.Proceeds, figures.Realised.Proceeds);
        yield return Row(SummaryItems.CostBasis, figures.Realised.CostBasis);
        yield return Row(SummaryItems.Gain, figures.Realised.Gain);
        yield return Row(SummaryItems.ShortTermGain, figures.Realised.ShortTermGain);
        yield return Row(SummaryItems.LongTermGain, figures.Realised.LongTermGain);
        yield return Row(SummaryItems.Fees, figures.Fees);
        yield return Row(SummaryItems.UnvaluedFees, string.Join(", ", figures.UnvaluedFees.Select(f => ExportFormat.Description(f.Quantity, f.Asset))));
        yield return Row(SummaryItems.UnrealisedCost, figures.UnrealisedCost);
        yield return Row(SummaryItems.MarketValue, figures.MarketValue);
        yield return Row(SummaryItems.UnrealisedGain, figures.UnrealisedGain);
        yield return Row(SummaryItems.Disposals, report.Disposals.Count);
        yield return Row(SummaryItems.Warnings, report.Warnings.Count);
        foreach (var asset in report.TotalsByAsset)
        {
            yield return Row($"Realised gain {ExportFormat.Coin(asset.Asset)}", asset.Totals.Gain);
        }

        static Dictionary<string, object?> Row(string item, object? value) => new() { ["Item"] = item, ["Value"] = value };
    }

    /// <summary>The report's method, then each tax year with another, such as <c>Fifo; 2025: Hifo</c>.</summary>
    private static string MethodText(TaxReportOptions options) => string.Join("; ",
        options.MethodByTaxYear.Where(o => o.Value != options.Method).OrderBy(o => o.Key)
            .Select(o => $"{new TaxYear(o.Key, options.TaxYearStart)}: {o.Value}")
            .Prepend(options.Method.ToString()));

    private static IEnumerable<Dictionary<string, object?>> Disposals(TaxReport report, string currency)
    {
        foreach (var disposal in report.Disposals)
        {
            yield return new Dictionary<string, object?>
            {
                ["Description"] = ExportFormat.Description(disposal.Quantity, disposal.Asset),
                ["Date Acquired"] = disposal.AcquiredAt?.UtcDateTime,
                ["Date Sold"] = disposal.DisposedAt.UtcDateTime,
                ["Proceeds"] = disposal.Proceeds,
                ["Cost Basis"] = disposal.CostBasis,
                ["Gain or Loss"] = disposal.Gain,
                ["Term"] = ExportFormat.Term(disposal.HoldingPeriod),
                ["Currency"] = currency,
                ["Asset"] = ExportFormat.Coin(disposal.Asset),
                ["Quantity"] = disposal.Quantity,
                ["Kind"] = ExportFormat.Kind(disposal.Kind),
                ["Ledger Id"] = disposal.LedgerId,
                ["Acquisition Ledger Id"] = disposal.AcquisitionLedgerId,
            };
        }
    }

    private static IEnumerable<Dictionary<string, object?>> Transactions(IEnumerable<ReportTransaction> transactions, Asset currency)
    {
        foreach (var transaction in transactions)
        {
            var value = transaction.ValueIn(currency);
            yield return new Dictionary<string, object?>
            {
                ["Date"] = transaction.Time.UtcDateTime,
                ["Type"] = transaction.Kind.ToString(),
                ["Account"] = transaction.Account,
                ["Sent Amount"] = transaction.Sent?.Quantity,
                ["Sent Currency"] = transaction.Sent is { } sent ? ExportFormat.Coin(sent.Asset) : null,
                ["Received Amount"] = transaction.Received?.Quantity,
                ["Received Currency"] = transaction.Received is { } received ? ExportFormat.Coin(received.Asset) : null,
                ["Fee Amount"] = transaction.Fee?.Quantity,
                ["Fee Currency"] = transaction.Fee is { } fee ? ExportFormat.Coin(fee.Asset) : null,
                ["Value"] = value,
                ["Value Currency"] = value is null ? null : ExportFormat.Coin(currency),
                ["Description"] = transaction.Description,
                ["TxHash"] = transaction.TxHash,
                ["Ledger Id"] = transaction.LedgerId,
            };
        }
    }

    private static IEnumerable<Dictionary<string, object?>> Lots(TaxReport report, string currency)
    {
        foreach (var (lot, status) in report.RemainingLots.Select(l => (l, LotsCsv.Held)).Concat(report.LotsInTransit.Select(l => (l, LotsCsv.InTransit))))
        {
            yield return new Dictionary<string, object?>
            {
                ["Asset"] = ExportFormat.Coin(lot.Asset),
                ["Quantity"] = lot.Quantity,
                ["Date Acquired"] = lot.AcquiredAt.UtcDateTime,
                ["Cost Basis"] = lot.CostBasis,
                ["Currency"] = currency,
                ["Status"] = status,
                ["Acquisition Ledger Id"] = lot.AcquisitionLedgerId,
            };
        }
    }

    private static IEnumerable<Dictionary<string, object?>> Warnings(TaxReport report)
    {
        foreach (var warning in report.Warnings)
        {
            yield return new Dictionary<string, object?>
            {
                ["Time"] = warning.Time.UtcDateTime,
                ["Kind"] = warning.Kind.ToString(),
                ["Asset"] = ExportFormat.Coin(warning.Asset),
                ["Quantity"] = warning.Quantity,
                ["Ledger Id"] = warning.LedgerId,
                ["Message"] = warning.Message,
            };
        }
    }
}

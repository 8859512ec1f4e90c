using AllexPortal.Core.Csv;

namespace AllexPortal.Core.Tax.Exports;

/// <summary>
/// The capital-gains schedule in the shape of IRS Form 8949: one row per disposal matched to one lot, with the
/// form's columns first (description, date acquired, date sold, proceeds, cost basis, gain or loss, term) and then
/// what a reviewer needs to trace a row back to the ledger.
/// </summary>
/// <remarks>
/// Values are in the report currency with the engine's precision (up to 12 decimal places), so the column sums
/// equal the report totals exactly; rounding to whole dollars is left to the form. Dates are UTC calendar dates.
/// An oversold shortfall (no known lot) has the date acquired <c>UNKNOWN</c> and a zero cost basis.
/// </remarks>
public static class CapitalGainsCsv
{
    /// <summary>The header row, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "Description", "Date Acquired", "Date Sold", "Proceeds", "Cost Basis", "Gain or Loss", "Term",
        "Currency", "Asset", "Quantity", "Kind", "Ledger Id", "Acquisition Ledger Id",
    ];

    /// <summary>Writes every disposal of <paramref name="report"/> to <paramref name="text"/>, row by row.</summary>
    public static async Task WriteAsync(TaxReport report, TextWriter text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var csv = await SafeCsv.StartAsync(text, Columns);
        var currency = ExportFormat.Coin(report.Currency);
        foreach (var disposal in report.Disposals)
        {
            cancellationToken.ThrowIfCancellationRequested();
            csv.WriteField(SafeCsv.Neutralise(ExportFormat.Description(disposal.Quantity, disposal.Asset)));
            csv.WriteField(disposal.AcquiredAt is { } acquired ? ExportFormat.Date(acquired) : "UNKNOWN");
            csv.WriteField(ExportFormat.Date(disposal.DisposedAt));
            csv.WriteField(disposal.Proceeds);
            csv.WriteField(disposal.CostBasis);
            csv.WriteField(disposal.Gain);
            csv.WriteField(ExportFormat.Term(disposal.HoldingPeriod));
            csv.WriteField(SafeCsv.Neutralise(currency));
            csv.WriteField(SafeCsv.Neutralise(ExportFormat.Coin(disposal.Asset)));
            csv.WriteField(disposal.Quantity);
            csv.WriteField(ExportFormat.Kind(disposal.Kind));
            csv.WriteField(disposal.LedgerId);
            csv.WriteField(disposal.AcquisitionLedgerId);
            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
    }
}

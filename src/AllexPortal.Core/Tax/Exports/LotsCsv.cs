using AllexPortal.Core.Csv;

namespace AllexPortal.Core.Tax.Exports;

/// <summary>
/// The lots held at the end of the period (and those withdrawn and not yet deposited back), with their cost:
/// the opening position of the next report and what the unrealised gain is measured against.
/// </summary>
public static class LotsCsv
{
    /// <summary>The header row, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "Asset", "Quantity", "Date Acquired", "Cost Basis", "Unit Cost", "Currency", "Status", "Acquisition Ledger Id",
    ];

    /// <summary>Status of a lot held in the chosen connections.</summary>
    public const string Held = "Held";

    /// <summary>Status of a lot withdrawn and not yet deposited back.</summary>
    public const string InTransit = "In transit";

    /// <summary>Writes the remaining lots of <paramref name="report"/>, then those in transit, to <paramref name="text"/>.</summary>
    public static async Task WriteAsync(TaxReport report, TextWriter text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var csv = await SafeCsv.StartAsync(text, Columns);
        var currency = ExportFormat.Coin(report.Currency);
        foreach (var (lot, status) in report.RemainingLots.Select(l => (l, Held)).Concat(report.LotsInTransit.Select(l => (l, InTransit))))
        {
            cancellationToken.ThrowIfCancellationRequested();
            csv.WriteField(SafeCsv.Neutralise(ExportFormat.Coin(lot.Asset)));
            csv.WriteField(lot.Quantity);
            csv.WriteField(SafeCsv.FormatTime(lot.AcquiredAt));
            csv.WriteField(lot.CostBasis);
            csv.WriteField(lot.Quantity == 0m ? 0m : decimal.Round(lot.UnitCost, 12, MidpointRounding.ToEven));
            csv.WriteField(SafeCsv.Neutralise(currency));
            csv.WriteField(status);
            csv.WriteField(lot.AcquisitionLedgerId);
            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
    }
}

using AllexPortal.Core.Assets;
using AllexPortal.Core.Csv;

namespace AllexPortal.Core.Tax.Exports;

/// <summary>
/// Every ledger row of the report period, one per line, in replay order: the portal's own transaction list, with
/// the connection, the exchange's description and the ledger id that the capital-gains rows point back to.
/// </summary>
public static class TransactionsCsv
{
    /// <summary>The header row, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "Date", "Type", "Account", "Sent Amount", "Sent Currency", "Received Amount", "Received Currency",
        "Fee Amount", "Fee Currency", "Value", "Value Currency", "Description", "TxHash", "Ledger Id",
    ];

    /// <summary>Writes <paramref name="transactions"/> to <paramref name="text"/>, valuing in <paramref name="currency"/>.</summary>
    public static async Task WriteAsync(
        IEnumerable<ReportTransaction> transactions, Asset currency, TextWriter text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        await using var csv = await SafeCsv.StartAsync(text, Columns);
        foreach (var transaction in transactions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            csv.WriteField(SafeCsv.FormatTime(transaction.Time));
            csv.WriteField(transaction.Kind.ToString());
            csv.WriteField(SafeCsv.Neutralise(transaction.Account));
            WriteAmount(csv, transaction.Sent);
            WriteAmount(csv, transaction.Received);
            WriteAmount(csv, transaction.Fee);
            var value = transaction.ValueIn(currency);
            csv.WriteField(value);
            csv.WriteField(value is null ? string.Empty : ExportFormat.Coin(currency));
            csv.WriteField(SafeCsv.Neutralise(transaction.Description));
            csv.WriteField(SafeCsv.Neutralise(transaction.TxHash));
            csv.WriteField(transaction.LedgerId);
            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
    }

    private static void WriteAmount(CsvHelper.CsvWriter csv, Amount? amount)
    {
        csv.WriteField(amount?.Quantity);
        csv.WriteField(amount is { } some ? SafeCsv.Neutralise(ExportFormat.Coin(some.Asset)) : string.Empty);
    }
}

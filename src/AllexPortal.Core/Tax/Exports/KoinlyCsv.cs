using System.Globalization;
using AllexPortal.Core.Assets;
using AllexPortal.Core.Csv;

namespace AllexPortal.Core.Tax.Exports;

/// <summary>
/// Transactions in Koinly's universal import format, so a user can hand the ledger to Koinly (or an accountant
/// who uses it) instead of the portal's own cost basis.
/// </summary>
/// <remarks>
/// Dates are UTC as <c>yyyy-MM-dd HH:mm:ss UTC</c> (Koinly documents <c>YYYY-MM-DD HH:mm UTC</c> and reads
/// seconds too; they keep fills of one minute in order). Amounts are gross with the fee on its own, which is how
/// Koinly reads the format. Deposits and withdrawals carry no label: Koinly then matches them as transfers between
/// the user's own wallets or asks. Net worth is filled only where the row itself shows it (a leg in the report
/// currency); Koinly prices the rest.
/// </remarks>
public static class KoinlyCsv
{
    /// <summary>The header row Koinly expects, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "Date", "Sent Amount", "Sent Currency", "Received Amount", "Received Currency", "Fee Amount", "Fee Currency",
        "Net Worth Amount", "Net Worth Currency", "Label", "Description", "TxHash",
    ];

    /// <summary>The date format of the Date column.</summary>
    public const string DateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'";

    /// <summary>Writes <paramref name="transactions"/> to <paramref name="text"/>, valuing in <paramref name="currency"/>.</summary>
    public static async Task WriteAsync(
        IEnumerable<ReportTransaction> transactions, Asset currency, TextWriter text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        await using var csv = await SafeCsv.StartAsync(text, Columns);
        foreach (var transaction in transactions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            csv.WriteField(transaction.Time.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture));
            WriteAmount(csv, transaction.Sent);
            WriteAmount(csv, transaction.Received);
            WriteAmount(csv, transaction.Fee);
            var value = transaction.ValueIn(currency);
            csv.WriteField(value);
            csv.WriteField(value is null ? string.Empty : ExportFormat.Coin(currency));
            csv.WriteField(string.Empty);
            csv.WriteField(SafeCsv.Neutralise(transaction.Description));
            csv.WriteField(SafeCsv.Neutralise(transaction.TxHash));
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

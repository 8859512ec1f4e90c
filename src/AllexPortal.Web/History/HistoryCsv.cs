using System.Globalization;
using AllexPortal.Core.Csv;
using AllexPortal.Exchange.Market;
using AllexPortal.Web.Ledger;
using CsvHelper;

namespace AllexPortal.Web.History;

/// <summary>
/// Writes ledger rows as the portal's CSV (through <see cref="SafeCsv"/>: header row, ISO-8601 UTC times, invariant
/// decimals, formula-safe text). Rows are written as they arrive and flushed in small batches, so a million-row
/// export holds one batch in memory, not the file.
/// </summary>
public static class HistoryCsv
{
    /// <summary>Rows between asynchronous flushes; small enough that a batch stays a few tens of kilobytes.</summary>
    private const int FlushEvery = 256;

    /// <summary>Columns of the trades export, in order.</summary>
    public static IReadOnlyList<string> TradeColumns { get; } =
        ["time", "connection", "symbol", "side", "size", "price", "amount", "fee", "fee_coin", "order_id", "key"];

    /// <summary>Columns of the orders export, in order.</summary>
    public static IReadOnlyList<string> OrderColumns { get; } =
        ["created_at", "updated_at", "connection", "order_id", "symbol", "side", "type", "status", "size", "price", "stop", "filled", "average", "fee", "fee_coin", "note"];

    /// <summary>Columns of the deposits and withdrawals exports, in order.</summary>
    public static IReadOnlyList<string> TransferColumns { get; } =
        ["created_at", "updated_at", "connection", "id", "currency", "amount", "fee", "fee_coin", "status", "network", "address", "transaction_id", "description"];

    /// <summary>Writes fills; returns the number of rows written.</summary>
    public static Task<long> WriteTradesAsync(IAsyncEnumerable<LedgerTrade> rows, HistoryScope scope, TextWriter output, CancellationToken cancellationToken = default) =>
        WriteAsync(rows, TradeColumns, output, (csv, t) =>
        {
            csv.WriteField(SafeCsv.FormatTime(t.Timestamp));
            csv.WriteField(SafeCsv.Neutralise(scope.LabelOf(t.ConnectionId)));
            csv.WriteField(SafeCsv.Neutralise(t.Symbol));
            csv.WriteField(Side(t.Side));
            csv.WriteField(Number(t.Size));
            csv.WriteField(Number(t.Price));
            csv.WriteField(Number(t.QuoteAmount));
            csv.WriteField(Number(t.Fee));
            csv.WriteField(SafeCsv.Neutralise(t.FeeCoin));
            csv.WriteField(SafeCsv.Neutralise(t.OrderId));
            csv.WriteField(SafeCsv.Neutralise(t.Key));
        }, cancellationToken);

    /// <summary>Writes orders; returns the number of rows written.</summary>
    public static Task<long> WriteOrdersAsync(IAsyncEnumerable<LedgerOrder> rows, HistoryScope scope, TextWriter output, CancellationToken cancellationToken = default) =>
        WriteAsync(rows, OrderColumns, output, (csv, o) =>
        {
            csv.WriteField(SafeCsv.FormatTime(o.CreatedAt));
            csv.WriteField(o.UpdatedAt is { } updated ? SafeCsv.FormatTime(updated) : "");
            csv.WriteField(SafeCsv.Neutralise(scope.LabelOf(o.ConnectionId)));
            csv.WriteField(SafeCsv.Neutralise(o.ExchangeId));
            csv.WriteField(SafeCsv.Neutralise(o.Symbol));
            csv.WriteField(Side(o.Side));
            csv.WriteField(SafeCsv.Neutralise(o.Type));
            csv.WriteField(SafeCsv.Neutralise(o.Status));
            csv.WriteField(Number(o.Size));
            csv.WriteField(Number(o.Price));
            csv.WriteField(Number(o.Stop));
            csv.WriteField(Number(o.Filled));
            csv.WriteField(Number(o.Average));
            csv.WriteField(Number(o.Fee));
            csv.WriteField(SafeCsv.Neutralise(o.FeeCoin));
            csv.WriteField(SafeCsv.Neutralise(o.Note));
        }, cancellationToken);

    /// <summary>Writes deposits or withdrawals; returns the number of rows written.</summary>
    public static Task<long> WriteTransfersAsync(IAsyncEnumerable<LedgerTransfer> rows, HistoryScope scope, TextWriter output, CancellationToken cancellationToken = default) =>
        WriteAsync(rows, TransferColumns, output, (csv, t) =>
        {
            csv.WriteField(SafeCsv.FormatTime(t.CreatedAt));
            csv.WriteField(t.UpdatedAt is { } updated ? SafeCsv.FormatTime(updated) : "");
            csv.WriteField(SafeCsv.Neutralise(scope.LabelOf(t.ConnectionId)));
            csv.WriteField(t.ExchangeId.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(SafeCsv.Neutralise(t.Currency));
            csv.WriteField(Number(t.Amount));
            csv.WriteField(Number(t.Fee));
            csv.WriteField(SafeCsv.Neutralise(t.FeeCoin));
            csv.WriteField(t.State.ToString().ToLowerInvariant());
            csv.WriteField(SafeCsv.Neutralise(t.Network));
            csv.WriteField(SafeCsv.Neutralise(t.Address));
            csv.WriteField(SafeCsv.Neutralise(t.TransactionId));
            csv.WriteField(SafeCsv.Neutralise(t.Description));
        }, cancellationToken);

    private static async Task<long> WriteAsync<T>(
        IAsyncEnumerable<T> rows, IReadOnlyList<string> columns, TextWriter output, Action<CsvWriter, T> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        await using var csv = SafeCsv.CreateWriter(output, leaveOpen: true);
        foreach (var column in columns)
        {
            csv.WriteField(column);
        }
        await csv.NextRecordAsync();
        long count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            write(csv, row);
            await csv.NextRecordAsync();
            if (++count % FlushEvery == 0)
            {
                await csv.FlushAsync();
            }
        }
        await csv.FlushAsync();
        return count;
    }

    // Numbers are written as invariant text directly: they are never neutralised, so a negative amount stays a number.
    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Side(OrderSide side) => side == OrderSide.Buy ? "buy" : "sell";
}

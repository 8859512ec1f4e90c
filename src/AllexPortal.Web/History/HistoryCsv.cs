using System.Data.Common;
using System.Globalization;
using AllexPortal.Core.Csv;
using AllexPortal.Exchange.Market;
using AllexPortal.Web.Ledger;
using CsvHelper;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

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

    /// <summary>
    /// Writes fills straight from a SQLite reader over the trades table (columns by name, as stored: times as EF's
    /// binary longs, decimals as invariant text, the side as <c>Buy</c>/<c>Sell</c>). Same output as
    /// <see cref="WriteTradesAsync"/>.
    /// </summary>
    internal static async Task<long> WriteStoredTradesAsync(DbDataReader reader, HistoryScope scope, TextWriter output, CancellationToken cancellationToken)
    {
        var (time, connection, symbol, side, size, price, amount, fee, feeCoin, orderId, key) = (
            reader.GetOrdinal(nameof(LedgerTrade.Timestamp)), reader.GetOrdinal(nameof(LedgerTrade.ConnectionId)), reader.GetOrdinal(nameof(LedgerTrade.Symbol)),
            reader.GetOrdinal(nameof(LedgerTrade.Side)), reader.GetOrdinal(nameof(LedgerTrade.Size)), reader.GetOrdinal(nameof(LedgerTrade.Price)),
            reader.GetOrdinal(nameof(LedgerTrade.QuoteAmount)), reader.GetOrdinal(nameof(LedgerTrade.Fee)), reader.GetOrdinal(nameof(LedgerTrade.FeeCoin)),
            reader.GetOrdinal(nameof(LedgerTrade.OrderId)), reader.GetOrdinal(nameof(LedgerTrade.Key)));
        var labels = scope.Labels.ToDictionary(l => l.Key.ToString(), l => SafeCsv.Neutralise(l.Value), StringComparer.OrdinalIgnoreCase);
        await using var csv = await SafeCsv.StartAsync(output, TradeColumns);
        long count = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            csv.WriteField(SafeCsv.FormatTime(StoredTime(reader.GetInt64(time))));
            csv.WriteField(labels.GetValueOrDefault(reader.GetString(connection), ""));
            csv.WriteField(SafeCsv.Neutralise(reader.GetString(symbol)));
            csv.WriteField(reader.GetString(side).StartsWith('B') ? "buy" : "sell");
            csv.WriteField(StoredNumber(reader.GetString(size)));
            csv.WriteField(StoredNumber(reader.GetString(price)));
            csv.WriteField(StoredNumber(reader.GetString(amount)));
            csv.WriteField(StoredNumber(reader.GetString(fee)));
            csv.WriteField(reader.IsDBNull(feeCoin) ? "" : SafeCsv.Neutralise(reader.GetString(feeCoin)));
            csv.WriteField(reader.IsDBNull(orderId) ? "" : SafeCsv.Neutralise(reader.GetString(orderId)));
            csv.WriteField(SafeCsv.Neutralise(reader.GetString(key)));
            await csv.NextRecordAsync();
            if (++count % FlushEvery == 0)
            {
                await csv.FlushAsync();
            }
        }
        await csv.FlushAsync();
        return count;
    }

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
        await using var csv = await SafeCsv.StartAsync(output, columns);
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

    /// <summary>EF Core's SQLite encoding of a <see cref="DateTimeOffset"/> (a sortable long), decoded by EF's own converter.</summary>
    private static readonly Func<long, DateTimeOffset> StoredTime =
        (Func<long, DateTimeOffset>)new DateTimeOffsetToBinaryConverter().ConvertFromProviderExpression.Compile();

    /// <summary>A decimal as the ledger stores it (invariant text); anything that is not plainly a number is treated as text.</summary>
    private static string StoredNumber(string text) =>
        text.Length > 0 && (char.IsAsciiDigit(text[0]) || (text[0] == '-' && text.Length > 1 && char.IsAsciiDigit(text[1])))
            ? text
            : SafeCsv.Neutralise(text);

    // Numbers are written as invariant text directly: they are never neutralised, so a negative amount stays a number.
    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Side(OrderSide side) => side == OrderSide.Buy ? "buy" : "sell";
}

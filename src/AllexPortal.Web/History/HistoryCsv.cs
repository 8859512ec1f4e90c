using System.Globalization;
using System.Text;
using AllexPortal.Core.Csv;
using AllexPortal.Exchange.Market;
using AllexPortal.Web.Ledger;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AllexPortal.Web.History;

/// <summary>
/// Writes ledger rows as the portal's CSV (<see cref="SafeCsv"/>'s rules: header row, ISO-8601 UTC times, invariant
/// decimals, formula-safe text), formatted by <see cref="CsvRowBuffer"/> into one pooled block that is written out
/// every 32 K characters, so a million-row export holds one block in memory, not the file.
/// </summary>
public static class HistoryCsv
{
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
            csv.Time(t.Timestamp);
            csv.Text(scope.LabelOf(t.ConnectionId));
            csv.Text(t.Symbol);
            csv.Raw(Side(t.Side));
            csv.Number(t.Size);
            csv.Number(t.Price);
            csv.Number(t.QuoteAmount);
            csv.Number(t.Fee);
            csv.Text(t.FeeCoin);
            csv.Text(t.OrderId);
            csv.Text(t.Key);
        }, cancellationToken);

    /// <summary>
    /// Writes fills straight from SQLite rows over the trades table (columns by name, as stored: times as EF's binary
    /// longs, decimals as invariant text, the side as <c>Buy</c>/<c>Sell</c>), copying the UTF-8 cells without making
    /// strings of them. Same output as <see cref="WriteTradesAsync"/>. Without a <c>ConnectionId</c> column the rows
    /// are those of the scope's single connection.
    /// </summary>
    internal static async Task<long> WriteStoredTradesAsync(SqliteRows rows, HistoryScope scope, TextWriter output, CancellationToken cancellationToken)
    {
        var (time, connection, symbol, side, size, price, amount, fee, feeCoin, orderId, key) = (
            rows.Ordinal(nameof(LedgerTrade.Timestamp)), rows.Ordinal(nameof(LedgerTrade.ConnectionId)), rows.Ordinal(nameof(LedgerTrade.Symbol)),
            rows.Ordinal(nameof(LedgerTrade.Side)), rows.Ordinal(nameof(LedgerTrade.Size)), rows.Ordinal(nameof(LedgerTrade.Price)),
            rows.Ordinal(nameof(LedgerTrade.QuoteAmount)), rows.Ordinal(nameof(LedgerTrade.Fee)), rows.Ordinal(nameof(LedgerTrade.FeeCoin)),
            rows.Ordinal(nameof(LedgerTrade.OrderId)), rows.Ordinal(nameof(LedgerTrade.Key)));
        var labels = scope.Labels.Select(l => (Id: Encoding.UTF8.GetBytes(l.Key.ToString()), Label: SafeCsv.Neutralise(l.Value))).ToArray();
        var only = connection < 0 && labels.Length == 1 ? labels[0].Label
            : connection < 0 ? throw new InvalidOperationException("Rows of several connections need their ConnectionId column.")
            : null;
        await using var csv = new CsvRowBuffer(output);
        csv.Header(TradeColumns);
        long count = 0;
        while (rows.Next())
        {
            csv.Time(StoredTime(rows.Int64(time)));
            csv.Raw(only ?? LabelOf(labels, rows.Utf8(connection)));
            csv.Utf8Text(rows.Utf8(symbol));
            csv.Raw(rows.Utf8(side) is [(byte)'B', ..] ? "buy" : "sell");
            StoredNumber(csv, rows.Utf8(size));
            StoredNumber(csv, rows.Utf8(price));
            StoredNumber(csv, rows.Utf8(amount));
            StoredNumber(csv, rows.Utf8(fee));
            csv.Utf8Text(rows.Utf8(feeCoin));
            csv.Utf8Text(rows.Utf8(orderId));
            csv.Utf8Text(rows.Utf8(key));
            count++;
            if (csv.EndRow())
            {
                await csv.FlushAsync(cancellationToken);
            }
        }
        await csv.FlushAsync(cancellationToken);
        return count;
    }

    /// <summary>Writes orders; returns the number of rows written.</summary>
    public static Task<long> WriteOrdersAsync(IAsyncEnumerable<LedgerOrder> rows, HistoryScope scope, TextWriter output, CancellationToken cancellationToken = default) =>
        WriteAsync(rows, OrderColumns, output, (csv, o) =>
        {
            csv.Time(o.CreatedAt);
            csv.Time(o.UpdatedAt);
            csv.Text(scope.LabelOf(o.ConnectionId));
            csv.Text(o.ExchangeId);
            csv.Text(o.Symbol);
            csv.Raw(Side(o.Side));
            csv.Text(o.Type);
            csv.Text(o.Status);
            csv.Number(o.Size);
            csv.Number(o.Price);
            csv.Number(o.Stop);
            csv.Number(o.Filled);
            csv.Number(o.Average);
            csv.Number(o.Fee);
            csv.Text(o.FeeCoin);
            csv.Text(o.Note);
        }, cancellationToken);

    /// <summary>Writes deposits or withdrawals; returns the number of rows written.</summary>
    public static Task<long> WriteTransfersAsync(IAsyncEnumerable<LedgerTransfer> rows, HistoryScope scope, TextWriter output, CancellationToken cancellationToken = default) =>
        WriteAsync(rows, TransferColumns, output, (csv, t) =>
        {
            csv.Time(t.CreatedAt);
            csv.Time(t.UpdatedAt);
            csv.Text(scope.LabelOf(t.ConnectionId));
            csv.Raw(t.ExchangeId.ToString(CultureInfo.InvariantCulture));
            csv.Text(t.Currency);
            csv.Number(t.Amount);
            csv.Number(t.Fee);
            csv.Text(t.FeeCoin);
            csv.Raw(t.State.ToString().ToLowerInvariant());
            csv.Text(t.Network);
            csv.Text(t.Address);
            csv.Text(t.TransactionId);
            csv.Text(t.Description);
        }, cancellationToken);

    private static async Task<long> WriteAsync<T>(
        IAsyncEnumerable<T> rows, IReadOnlyList<string> columns, TextWriter output, Action<CsvRowBuffer, T> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        await using var csv = new CsvRowBuffer(output);
        csv.Header(columns);
        long count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            write(csv, row);
            count++;
            if (csv.EndRow())
            {
                await csv.FlushAsync(cancellationToken);
            }
        }
        await csv.FlushAsync(cancellationToken);
        return count;
    }

    /// <summary>EF Core's SQLite encoding of a <see cref="DateTimeOffset"/> (a sortable long), decoded by EF's own converter.</summary>
    private static readonly Func<long, DateTimeOffset> StoredTime =
        (Func<long, DateTimeOffset>)new DateTimeOffsetToBinaryConverter().ConvertFromProviderExpression.Compile();

    /// <summary>A decimal as the ledger stores it (invariant text); anything that is not plainly a number is treated as text.</summary>
    private static void StoredNumber(CsvRowBuffer csv, ReadOnlySpan<byte> text)
    {
        if (text is [var first, ..] && (char.IsAsciiDigit((char)first) || (first == '-' && text.Length > 1 && char.IsAsciiDigit((char)text[1]))))
        {
            csv.Utf8Raw(text);
        }
        else
        {
            csv.Utf8Text(text);
        }
    }

    /// <summary>The neutralised label of the connection whose id is stored as <paramref name="id"/> (EF's Guid text).</summary>
    private static string LabelOf((byte[] Id, string Label)[] labels, ReadOnlySpan<byte> id)
    {
        foreach (var (candidate, label) in labels)
        {
            if (Ascii.EqualsIgnoreCase(candidate, id))
            {
                return label;
            }
        }
        return "";
    }

    private static string Side(OrderSide side) => side == OrderSide.Buy ? "buy" : "sell";
}

using AllexPortal.Web.History;
using AllexPortal.Web.Ledger;

namespace AllexPortal.Web.Tests.History;

/// <summary>
/// What a history query should return, written independently of the service as plain LINQ over every row: the
/// test's reading of the filter, sort and totals rules.
/// </summary>
public static class HistoryOracle
{
    public static List<LedgerTrade> Trades(IEnumerable<LedgerTrade> all, IReadOnlyCollection<Guid> scope, HistoryQuery q)
    {
        var rows = all.Where(t => scope.Contains(t.ConnectionId));
        if (q.Symbol is { } s)
        {
            rows = s.Contains('-', StringComparison.Ordinal) ? rows.Where(t => t.Symbol == s) : rows.Where(t => t.BaseCurrency == s || t.QuoteCurrency == s);
        }
        rows = rows.Where(t => (q.Side is null || t.Side == q.Side) && InRange(t.Timestamp, q));
        if (q.Search is { } text)
        {
            rows = rows.Where(t => Starts(t.Key, text) || Starts(t.OrderId, text));
        }
        return Sort(rows, q, t => t.Timestamp, t => t.Id, q.SortColumn switch
        {
            "symbol" => t => t.Symbol,
            "side" => t => t.Side.ToString(),
            "size" => t => t.Size,
            "price" => t => t.Price,
            // As the service sorts: by the amount's double (the indexed order), then time and id.
            "amount" => t => t.QuoteAmountOrder,
            "fee" => t => t.Fee,
            _ => null,
        });
    }

    public static List<LedgerOrder> Orders(IEnumerable<LedgerOrder> all, IReadOnlyCollection<Guid> scope, HistoryQuery q)
    {
        var rows = all.Where(o => scope.Contains(o.ConnectionId));
        if (q.Symbol is { } s)
        {
            rows = s.Contains('-', StringComparison.Ordinal) ? rows.Where(o => o.Symbol == s) : rows.Where(o => o.BaseCurrency == s || o.QuoteCurrency == s);
        }
        rows = rows.Where(o => (q.Side is null || o.Side == q.Side) && InRange(o.CreatedAt, q)
            && (q.Status is null || (q.Status == "open" ? o.Status is "new" or "pfilled" : o.Status == q.Status)));
        if (q.Search is { } text)
        {
            rows = rows.Where(o => Starts(o.ExchangeId, text));
        }
        return Sort(rows, q, o => o.CreatedAt, o => o.Id, q.SortColumn switch
        {
            "symbol" => o => o.Symbol,
            "side" => o => o.Side.ToString(),
            "type" => o => o.Type,
            "size" => o => o.Size,
            "price" => o => o.Price,
            "filled" => o => o.Filled,
            "status" => o => o.Status,
            _ => null,
        });
    }

    public static List<LedgerTransfer> Transfers(IEnumerable<LedgerTransfer> all, IReadOnlyCollection<Guid> scope, TransferDirection direction, HistoryQuery q)
    {
        var rows = all.Where(t => scope.Contains(t.ConnectionId) && t.Direction == direction
            && (q.Symbol is null || t.Currency == q.Symbol)
            && (q.Status is null || t.State.ToString().Equals(q.Status, StringComparison.OrdinalIgnoreCase))
            && InRange(t.CreatedAt, q));
        if (q.Search is { } text)
        {
            rows = rows.Where(t => t.ExchangeId.ToString(System.Globalization.CultureInfo.InvariantCulture) == text || Starts(t.TransactionId, text) || Starts(t.Address, text));
        }
        return Sort(rows, q, t => t.CreatedAt, t => t.Id, q.SortColumn switch
        {
            "currency" => t => t.Currency,
            "amount" => t => t.Amount,
            "fee" => t => t.Fee,
            "status" => t => t.State.ToString(),
            _ => null,
        });
    }

    public static IReadOnlyDictionary<string, decimal> SumBy<T>(IEnumerable<T> rows, Func<T, string> key, Func<T, decimal> value) =>
        rows.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(value), StringComparer.Ordinal);

    private static bool InRange(DateTimeOffset time, HistoryQuery q) => (q.From is null || time >= q.From) && (q.To is null || time < q.To);

    private static bool Starts(string? value, string text) => value is not null && value.StartsWith(text, StringComparison.Ordinal);

    private static List<T> Sort<T>(IEnumerable<T> rows, HistoryQuery q, Func<T, DateTimeOffset> time, Func<T, long> id, Func<T, object?>? key)
    {
        var comparer = Comparer<object?>.Create(CompareValues);
        IOrderedEnumerable<T> ordered = key is null
            ? (q.Descending ? rows.OrderByDescending(time) : rows.OrderBy(time))
            : (q.Descending ? rows.OrderByDescending(key, comparer).ThenByDescending(time) : rows.OrderBy(key, comparer).ThenBy(time));
        return [.. q.Descending ? ordered.ThenByDescending(id) : ordered.ThenBy(id)];
    }

    /// <summary>Nulls first (as SQLite sorts them ascending), text by ordinal (SQLite's BINARY collation), numbers by value.</summary>
    private static int CompareValues(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => string.CompareOrdinal(x, y),
        (decimal x, decimal y) => x.CompareTo(y),
        (double x, double y) => x.CompareTo(y),
        _ => throw new InvalidOperationException($"Cannot compare {a} with {b}."),
    };
}

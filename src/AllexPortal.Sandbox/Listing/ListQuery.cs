using AllexPortal.Sandbox.Hosting;
using AllexPortal.Sandbox.Wire;

namespace AllexPortal.Sandbox.Listing;

/// <summary>The list parameters every history endpoint shares (<c>limit, page, order_by, order,
/// start_date, end_date, format</c>) and the <c>{count, data}</c> / CSV answers built from them.</summary>
internal sealed record ListQuery(int Limit, int Page, string? OrderBy, bool Descending, DateTimeOffset? Start, DateTimeOffset? End, string? Format)
{
    public static ListQuery From(SandboxRequest request, int maxPageSize)
    {
        var limit = request.QueryInt("limit") ?? 50;
        var page = request.QueryInt("page") ?? 1;
        if (limit < 1)
        {
            throw new ValidationError("MINIMUM", $"Request validation failed: Parameter (limit) Value {limit} is less than minimum 1", "limit");
        }
        if (page < 1)
        {
            throw new ValidationError("MINIMUM", $"Request validation failed: Parameter (page) Value {page} is less than minimum 1", "page");
        }
        var order = request.QueryEnum("order", "desc", "asc", "desc");
        var format = request.Query("format");
        if (format is not null and not "csv" and not "all")
        {
            throw ValidationError.Enum("format", format, ["csv", "all"]);
        }
        return new ListQuery(Math.Min(limit, maxPageSize), page, request.Query("order_by"), order == "desc",
            request.QueryDate("start_date"), request.QueryDate("end_date"), format);
    }

    /// <summary>Filters, sorts and pages <paramref name="source"/> and answers as JSON or CSV.</summary>
    public IResult Respond<T>(IReadOnlyList<T> source, Func<T, bool> filter, Func<T, DateTimeOffset> time,
        IReadOnlyDictionary<string, Func<T, object?>> sortKeys, Func<T, object> toWire)
    {
        var rows = Select(source, filter, time, sortKeys);
        if (Format == "csv")
        {
            return CsvResult.From(rows.Select(i => toWire(source[i])));
        }
        var page = Format == "all" ? rows : rows.Skip((Page - 1) * Limit).Take(Limit);
        return WireResults.Json(new Dictionary<string, object>
        {
            ["count"] = rows.Count,
            ["data"] = page.Select(i => toWire(source[i])).ToList(),
        });
    }

    private List<int> Select<T>(IReadOnlyList<T> source, Func<T, bool> filter, Func<T, DateTimeOffset> time,
        IReadOnlyDictionary<string, Func<T, object?>> sortKeys)
    {
        var rows = new List<int>();
        var sorted = true;
        var previous = DateTimeOffset.MinValue;
        for (var i = 0; i < source.Count; i++)
        {
            var item = source[i];
            var at = time(item);
            if ((Start is { } start && at < start) || (End is { } end && at > end) || !filter(item))
            {
                continue;
            }
            sorted &= at >= previous;
            previous = at;
            rows.Add(i);
        }
        if (OrderBy is not null && !sortKeys.ContainsKey(OrderBy))
        {
            throw SandboxError.BadRequest($"Invalid order_by: {OrderBy}");
        }
        if (OrderBy is not null && sortKeys[OrderBy] is var key && !ReferenceEquals(key, sortKeys.Values.First()))
        {
            var ordered = rows.OrderBy(i => key(source[i]), Comparer<object?>.Default).ThenBy(i => time(source[i]));
            rows = [.. ordered];
        }
        else if (!sorted)
        {
            rows = [.. rows.OrderBy(i => time(source[i]))];
        }
        if (Descending)
        {
            rows.Reverse();
        }
        return rows;
    }
}

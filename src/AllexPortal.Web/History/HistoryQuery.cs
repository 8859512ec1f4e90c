using System.Globalization;
using System.Text;
using AllexPortal.Exchange.Market;
using Microsoft.Extensions.Primitives;

namespace AllexPortal.Web.History;

/// <summary>
/// What a history grid asks for: a filter, a sort and a page. The same record travels to the CSV export as a
/// query string (<see cref="ToQueryString"/> / <see cref="TryParse"/>), so a grid's Download link exports exactly
/// the rows its filter selects.
/// </summary>
/// <remarks>
/// <see cref="From"/> is inclusive and <see cref="To"/> exclusive, both UTC. <see cref="Symbol"/> is a pair
/// (<c>btc-usdt</c>) or, for trades and orders, a bare coin that matches either side of the pair; for transfers it
/// is the currency. <see cref="After"/> is the keyset cursor a previous page handed out
/// (<see cref="HistoryPage{T}.NextCursor"/>): with the default time sort it replaces the offset, so deep pages cost
/// what the first one does.
/// </remarks>
public sealed record HistoryQuery
{
    /// <summary>The smallest page a grid may ask for.</summary>
    public const int MinPageSize = 10;

    /// <summary>The largest page a grid may ask for.</summary>
    public const int MaxPageSize = 500;

    /// <summary>The page size when none is given.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The default sort column: the row's time (fill time, order creation, transfer creation).</summary>
    public const string TimeColumn = "time";

    private const int MaxTextLength = 200;

    /// <summary>The team whose connections are read; null for the user's personal workspace.</summary>
    public Guid? Workspace { get; init; }

    /// <summary>Connection ids to include (all in <see cref="Workspace"/>); empty means every connection the user may see there.</summary>
    public IReadOnlyList<Guid> Connections { get; init; } = [];

    /// <summary>A pair, a coin or (transfers) a currency, lower case; null for all.</summary>
    public string? Symbol { get; init; }

    /// <summary>Buy or sell (trades and orders); null for both.</summary>
    public OrderSide? Side { get; init; }

    /// <summary>Orders: <c>new</c>, <c>pfilled</c>, <c>filled</c>, <c>canceled</c> or <c>open</c>; transfers: a
    /// <see cref="Exchange.Account.TransactionState"/> name in lower case; null for all.</summary>
    public string? Status { get; init; }

    /// <summary>Inclusive lower bound of the row's time, UTC.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive upper bound of the row's time, UTC.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>
    /// Text matched against the row's identifiers: fills by the start of their key or order id (exact case, as
    /// pasted); orders and transfers case-insensitively as a substring.
    /// </summary>
    public string? Search { get; init; }

    /// <summary>Sort column (see <see cref="HistoryColumns"/>); null means <see cref="TimeColumn"/>.</summary>
    public string? Sort { get; init; }

    /// <summary>Newest (or largest) first; the default.</summary>
    public bool Descending { get; init; } = true;

    /// <summary>0-based page number, used when <see cref="After"/> is not given.</summary>
    public int Page { get; init; }

    /// <summary>Rows per page, clamped to <see cref="MinPageSize"/>..<see cref="MaxPageSize"/> by <see cref="Normalised"/>.</summary>
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Keyset cursor from <see cref="HistoryPage{T}.NextCursor"/>; only valid with the default time sort.</summary>
    public string? After { get; init; }

    /// <summary>The sort column actually used.</summary>
    public string SortColumn => string.IsNullOrEmpty(Sort) ? TimeColumn : Sort;

    /// <summary>This query with text trimmed and lower-cased where the ledger stores lower case, page size clamped
    /// and connection ids de-duplicated.</summary>
    public HistoryQuery Normalised() => this with
    {
        Connections = [.. Connections.Distinct().Order()],
        Symbol = Clean(Symbol)?.ToLowerInvariant(),
        Status = Clean(Status)?.ToLowerInvariant(),
        Search = Clean(Search),
        Sort = Clean(Sort)?.ToLowerInvariant(),
        After = Clean(After),
        Page = Math.Max(0, Page),
        PageSize = Math.Clamp(PageSize, MinPageSize, MaxPageSize),
        From = From?.ToUniversalTime(),
        To = To?.ToUniversalTime(),
    };

    /// <summary>Checks what only the kind of history can tell: the sort column, the status value and the cursor.</summary>
    /// <returns>A message for the user, or null when the query is valid for <paramref name="columns"/>.</returns>
    public string? Validate(HistoryColumns columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (From is { } from && To is { } to && from > to)
        {
            return "'from' must not be later than 'to'.";
        }
        if (!columns.SortColumns.Contains(SortColumn))
        {
            return $"Unknown sort column '{Sort}'. Use one of: {string.Join(", ", columns.SortColumns)}.";
        }
        if (Status is { Length: > 0 } status && !columns.Statuses.Contains(status))
        {
            return $"Unknown status '{status}'. Use one of: {string.Join(", ", columns.Statuses)}.";
        }
        if (After is not null && (SortColumn != TimeColumn || !HistoryCursor.TryParse(After, out _)))
        {
            return SortColumn != TimeColumn
                ? "'after' can only be used with the default time sort."
                : "'after' is not a cursor this portal handed out.";
        }
        return null;
    }

    /// <summary>The query as URL parameters (without the leading <c>?</c>), leaving defaults out.</summary>
    public string ToQueryString()
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        Add(parameters, "workspace", Workspace?.ToString());
        foreach (var connection in Connections)
        {
            parameters.Add(new("connection", connection.ToString()));
        }
        Add(parameters, "symbol", Symbol);
        Add(parameters, "side", Side is { } side ? side.ToString().ToLowerInvariant() : null);
        Add(parameters, "status", Status);
        Add(parameters, "from", From is { } from ? FormatTime(from) : null);
        Add(parameters, "to", To is { } to ? FormatTime(to) : null);
        Add(parameters, "search", Search);
        Add(parameters, "sort", string.IsNullOrEmpty(Sort) ? null : Sort);
        Add(parameters, "desc", Descending ? null : "false");
        Add(parameters, "page", Page == 0 ? null : Page.ToString(CultureInfo.InvariantCulture));
        Add(parameters, "size", PageSize == DefaultPageSize ? null : PageSize.ToString(CultureInfo.InvariantCulture));
        Add(parameters, "after", After);
        return QueryString.Create(parameters).ToUriComponent().TrimStart('?');
    }

    /// <summary>Reads a query string written by <see cref="ToQueryString"/> (or typed by hand).</summary>
    /// <param name="values">The request's query.</param>
    /// <param name="query">The parsed, normalised query; the default query when parsing fails.</param>
    /// <param name="error">What is wrong, worded for the user; null on success.</param>
    public static bool TryParse(IEnumerable<KeyValuePair<string, StringValues>> values, out HistoryQuery query, out string? error)
    {
        ArgumentNullException.ThrowIfNull(values);
        query = new HistoryQuery();
        error = null;
        var parsed = new HistoryQuery();
        foreach (var (name, value) in values)
        {
            var text = value.ToString();
            if (text.Length > MaxTextLength * 50)
            {
                error = $"'{name}' is too long.";
                return false;
            }
            switch (name.ToLowerInvariant())
            {
                case "connection":
                    var ids = new List<Guid>(parsed.Connections);
                    foreach (var item in value.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
                    {
                        if (!Guid.TryParse(item, out var id))
                        {
                            error = $"'{Shorten(item)}' is not a connection id.";
                            return false;
                        }
                        ids.Add(id);
                    }
                    parsed = parsed with { Connections = ids };
                    break;
                case "workspace":
                    Guid? workspace = null;
                    if (text.Length > 0)
                    {
                        if (!Guid.TryParse(text, out var team))
                        {
                            error = $"'{Shorten(text)}' is not a workspace id.";
                            return false;
                        }
                        workspace = team;
                    }
                    parsed = parsed with { Workspace = workspace };
                    break;
                case "symbol":
                    parsed = parsed with { Symbol = text };
                    break;
                case "side":
                    if (text.Length > 0 && (int.TryParse(text, out _) || !Enum.TryParse<OrderSide>(text, ignoreCase: true, out _)))
                    {
                        error = $"Unknown side '{Shorten(text)}'. Use buy or sell.";
                        return false;
                    }
                    parsed = parsed with { Side = text.Length == 0 ? null : Enum.Parse<OrderSide>(text, ignoreCase: true) };
                    break;
                case "status":
                    parsed = parsed with { Status = text };
                    break;
                case "from" or "to":
                    DateTimeOffset? time = null;
                    if (text.Length > 0)
                    {
                        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
                        {
                            error = $"'{name}' is not a date and time (use ISO-8601, e.g. 2026-01-31T00:00:00Z).";
                            return false;
                        }
                        time = at;
                    }
                    parsed = name.Equals("from", StringComparison.OrdinalIgnoreCase) ? parsed with { From = time } : parsed with { To = time };
                    break;
                case "search":
                    if (text.Length > MaxTextLength)
                    {
                        error = $"'search' is longer than {MaxTextLength} characters.";
                        return false;
                    }
                    parsed = parsed with { Search = text };
                    break;
                case "sort":
                    parsed = parsed with { Sort = text };
                    break;
                case "desc":
                    if (!bool.TryParse(text, out var descending))
                    {
                        error = "'desc' must be true or false.";
                        return false;
                    }
                    parsed = parsed with { Descending = descending };
                    break;
                case "page" or "size":
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                    {
                        error = $"'{name}' must be a whole number.";
                        return false;
                    }
                    parsed = name.Equals("page", StringComparison.OrdinalIgnoreCase) ? parsed with { Page = number } : parsed with { PageSize = number };
                    break;
                case "after":
                    parsed = parsed with { After = text };
                    break;
                default:
                    break;
            }
        }
        parsed = parsed.Normalised();
        if (parsed.From is { } f && parsed.To is { } t && f > t)
        {
            error = "'from' must not be later than 'to'.";
            return false;
        }
        query = parsed;
        return true;
    }

    /// <summary>A stable text of the filter alone (no sort, no page), for caching what depends only on it.</summary>
    internal string FilterKey()
    {
        var key = new StringBuilder();
        key.Append(Workspace).Append('|').AppendJoin(',', Connections).Append('|').Append(Symbol).Append('|').Append(Side).Append('|').Append(Status)
            .Append('|').Append(From?.UtcTicks).Append('|').Append(To?.UtcTicks).Append('|').Append(Search);
        return key.ToString();
    }

    private static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static void Add(List<KeyValuePair<string, string?>> parameters, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parameters.Add(new(name, value));
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

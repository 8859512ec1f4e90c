using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace AllexPortal.Web.Audit;

/// <summary>
/// What the audit page asks for: a filter and a page. The same record travels to the CSV export as a query
/// string (<see cref="ToQueryString"/> / <see cref="TryParse"/>), so the Download link exports exactly the rows
/// the page's filter selects.
/// </summary>
/// <remarks><see cref="From"/> is inclusive and <see cref="To"/> exclusive, both UTC. Text filters match case-insensitively as substrings.</remarks>
public sealed record AuditQuery
{
    /// <summary>The smallest page the page may ask for.</summary>
    public const int MinPageSize = 10;

    /// <summary>The largest page the page may ask for.</summary>
    public const int MaxPageSize = 200;

    /// <summary>The page size when none is given.</summary>
    public const int DefaultPageSize = 25;

    private const int MaxTextLength = 200;

    /// <summary>Only entries of this action; null for all.</summary>
    public AuditAction? Action { get; init; }

    /// <summary>Part of the actor's e-mail; null for everyone.</summary>
    public string? Actor { get; init; }

    /// <summary>Inclusive lower bound of the entry's time, UTC.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive upper bound of the entry's time, UTC.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Text found in the subject, the detail or the IP address; null for all.</summary>
    public string? Text { get; init; }

    /// <summary>0-based page number.</summary>
    public int Page { get; init; }

    /// <summary>Entries per page, clamped to <see cref="MinPageSize"/>..<see cref="MaxPageSize"/> by <see cref="Normalised"/>.</summary>
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>This query with text trimmed (and lower-cased for matching), times in UTC and the page clamped.</summary>
    public AuditQuery Normalised() => this with
    {
        Actor = Clean(Actor)?.ToLowerInvariant(),
        Text = Clean(Text)?.ToLowerInvariant(),
        From = From?.ToUniversalTime(),
        To = To?.ToUniversalTime(),
        Page = Math.Max(0, Page),
        PageSize = Math.Clamp(PageSize, MinPageSize, MaxPageSize),
    };

    /// <summary>A message for the user when the filter cannot select anything sensible; null when it is valid.</summary>
    public string? Validate() => From is { } from && To is { } to && from > to ? "'from' must not be later than 'to'." : null;

    /// <summary>The filter as URL parameters (without the leading <c>?</c>), leaving defaults and the page out.</summary>
    public string ToQueryString()
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        Add(parameters, "action", Action?.ToString());
        Add(parameters, "actor", Actor);
        Add(parameters, "from", From is { } from ? Format(from) : null);
        Add(parameters, "to", To is { } to ? Format(to) : null);
        Add(parameters, "text", Text);
        return QueryString.Create(parameters).ToUriComponent().TrimStart('?');
    }

    /// <summary>Reads a query string written by <see cref="ToQueryString"/> (or typed by hand).</summary>
    /// <param name="values">The request's query.</param>
    /// <param name="query">The parsed, normalised query; the default query when parsing fails.</param>
    /// <param name="error">What is wrong, worded for the user; null on success.</param>
    public static bool TryParse(IEnumerable<KeyValuePair<string, StringValues>> values, out AuditQuery query, out string? error)
    {
        ArgumentNullException.ThrowIfNull(values);
        query = new AuditQuery();
        error = null;
        var parsed = new AuditQuery();
        foreach (var (name, value) in values)
        {
            var text = value.ToString();
            switch (name.ToLowerInvariant())
            {
                case "action":
                    if (ActionNamed(text) is not { } action)
                    {
                        error = $"Unknown action '{text}'.";
                        return false;
                    }

                    parsed = parsed with { Action = action };
                    break;
                case "actor":
                    parsed = parsed with { Actor = text };
                    break;
                case "text":
                    parsed = parsed with { Text = text };
                    break;
                case "from" or "to":
                    if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
                    {
                        error = $"'{name}' is not a date and time (use ISO 8601, e.g. 2026-01-31T00:00:00Z).";
                        return false;
                    }

                    parsed = name.Equals("from", StringComparison.OrdinalIgnoreCase) ? parsed with { From = time } : parsed with { To = time };
                    break;
                default:
                    break;
            }
        }

        if (parsed.Actor?.Length > MaxTextLength || parsed.Text?.Length > MaxTextLength)
        {
            error = $"Filters are at most {MaxTextLength} characters.";
            return false;
        }

        parsed = parsed.Normalised();
        error = parsed.Validate();
        if (error is not null)
        {
            return false;
        }

        query = parsed;
        return true;
    }

    private static AuditAction? ActionNamed(string text) =>
        Enum.GetValues<AuditAction>().Select(a => (AuditAction?)a).FirstOrDefault(a => a.ToString()!.Equals(text, StringComparison.OrdinalIgnoreCase));

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Add(List<KeyValuePair<string, string?>> parameters, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parameters.Add(new(name, value));
        }
    }
}

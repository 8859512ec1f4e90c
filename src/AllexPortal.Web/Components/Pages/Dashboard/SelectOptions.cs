using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace AllexPortal.Web.Components.Pages.Dashboard;

/// <summary>
/// The <c>&lt;option&gt;</c> elements of a plain <c>&lt;select&gt;</c> as one piece of HTML, made once per list and
/// choice and shared by every tab that shows them. The quote list holds every coin the exchange lists, and drawn as
/// elements it would be four render-tree frames and a string per coin in each open tab, twice (Blazor keeps a page's
/// last two drawings). Values and labels are HTML-encoded: coin names come from the exchange.
/// </summary>
public static class SelectOptions
{
    private const int MaxCached = 256;
    private static readonly ConcurrentDictionary<string, MarkupString> Cache = new(StringComparer.Ordinal);

    /// <summary>The options of <paramref name="choices"/> (value and label), with <paramref name="selected"/> marked.</summary>
    public static MarkupString For(IEnumerable<(string Value, string Label)> choices, string? selected)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var list = choices.ToList();
        var key = string.Join('\u001f', list.Select(c => c.Value + '\u001e' + c.Label)) + '\u001d' + selected;
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var html = new StringBuilder();
        foreach (var (value, label) in list)
        {
            html.Append("<option value=\"").Append(WebUtility.HtmlEncode(value)).Append('"')
                .Append(value == selected ? " selected>" : ">")
                .Append(WebUtility.HtmlEncode(label)).Append("</option>");
        }

        if (Cache.Count >= MaxCached)
        {
            Cache.Clear();
        }
        return Cache.GetOrAdd(key, new MarkupString(html.ToString()));
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using AllexPortal.Sandbox.Wire;

namespace AllexPortal.Sandbox.Listing;

/// <summary>The <c>format=csv</c> answer: HTTP 202, <c>text/csv</c>, one column per wire field.</summary>
internal static class CsvResult
{
    public static IResult From(IEnumerable<object> rows)
    {
        var builder = new StringBuilder();
        List<string>? header = null;
        foreach (var row in rows)
        {
            var element = JsonSerializer.SerializeToElement(row, WireJson.Options);
            if (header is null)
            {
                header = [.. element.EnumerateObject().Select(p => p.Name)];
                builder.AppendJoin(',', header.Select(Quote)).Append('\n');
            }
            builder.AppendJoin(',', header.Select(name => Quote(Cell(element, name)))).Append('\n');
        }
        return Results.Text(builder.ToString(), "text/csv; charset=utf-8", Encoding.UTF8, StatusCodes.Status202Accepted);
    }

    private static string Cell(JsonElement row, string name) =>
        !row.TryGetProperty(name, out var value) ? "" : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Null => "",
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => value.GetRawText(),
        };

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value.ToString(CultureInfo.InvariantCulture);
}

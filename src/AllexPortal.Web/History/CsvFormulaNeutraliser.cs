using System.Globalization;
using System.Text;
using AllexPortal.Core.Csv;

namespace AllexPortal.Web.History;

/// <summary>
/// Rewrites CSV text as it streams through, field by field, so that no cell can be read as a formula by a
/// spreadsheet (CSV injection): a text field starting with = + - @, a tab or a CR gets a leading apostrophe, as
/// <see cref="SafeCsv.Neutralise"/> does for the portal's own exports; numbers (<c>-12.5</c>) stay numbers and
/// everything else - quoting, separators, line ends - passes unchanged. Used for the exchange's CSV, which the
/// portal does not write itself.
/// </summary>
internal sealed class CsvFormulaNeutraliser
{
    private readonly StringBuilder field = new();
    private bool inQuotes;

    /// <summary>Feeds the next characters; whatever complete fields they finish is appended to <paramref name="output"/>.</summary>
    public void Push(ReadOnlySpan<char> text, StringBuilder output)
    {
        foreach (var c in text)
        {
            if (inQuotes)
            {
                field.Append(c);
                inQuotes = c != '"';
                continue;
            }

            switch (c)
            {
                case '"':
                    field.Append(c);
                    inQuotes = true;
                    break;
                case ',' or '\n' or '\r':
                    EndField(output);
                    output.Append(c);
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
    }

    /// <summary>Ends the text: appends the last field, if any.</summary>
    public void Complete(StringBuilder output) => EndField(output);

    private void EndField(StringBuilder output)
    {
        if (field.Length == 0)
        {
            return;
        }

        var raw = field.ToString();
        field.Clear();
        var quoted = raw[0] == '"';
        var content = quoted ? raw.AsSpan(1) : raw.AsSpan();
        var value = quoted && content.EndsWith("\"") ? content[..^1] : content;
        if (!SafeCsv.StartsLikeFormula(content) || decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            output.Append(raw);
        }
        else if (quoted)
        {
            output.Append("\"'").Append(content);
        }
        else
        {
            output.Append('\'').Append(raw);
        }
    }
}

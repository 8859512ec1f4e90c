using System.Globalization;

namespace AllexPortal.E2E.Security;

/// <summary>
/// What a member without amounts must never receive, and the search for it in anything the browser got: amounts
/// (each in every spelling a page, chart, CSV or JavaScript would print: <c>23456.7</c>, <c>23,456.70</c>,
/// <c>23456.7000</c>, …) and identifiers that lead to amounts or to the account (deposit addresses and transaction ids,
/// which a block explorer turns into amounts; the exchange key and secret).
/// </summary>
/// <remarks>
/// An amount is only searched for in spellings of five significant digits or more, so a percentage or a count can
/// never match by chance; the set-up gives its own orders, fills and deposits such distinctive figures. A match must
/// stand alone as a number: <c>123.45</c> does not match inside <c>9123.456</c>.
/// </remarks>
public sealed class ForbiddenValues
{
    private const int MinimumSignificantDigits = 5;

    private readonly Dictionary<string, string> amountSpellings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> identifiers = new(StringComparer.Ordinal);

    /// <summary>How many spellings of amounts and identifiers are searched for.</summary>
    public int Count => amountSpellings.Count + identifiers.Count;

    /// <summary>Adds an amount, described by <paramref name="what"/> (e.g. "open order size"); zero and amounts too
    /// short to search for safely are left out.</summary>
    public void AddAmount(decimal value, string what)
    {
        if (value == 0m)
        {
            return;
        }

        foreach (var spelling in Spellings(value))
        {
            amountSpellings.TryAdd(spelling, $"{what} {value.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>Adds a text that must never appear at all (an address, a transaction id, a key).</summary>
    public void AddIdentifier(string value, string what)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            identifiers.TryAdd(value, what);
        }
    }

    /// <summary>Every forbidden value found in <paramref name="text"/>, described with <paramref name="where"/>.</summary>
    public IEnumerable<string> FindIn(string where, string text)
    {
        foreach (var (spelling, what) in amountSpellings)
        {
            if (StandsAlone(text, spelling))
            {
                yield return $"{where}: {what} (as \"{spelling}\")";
            }
        }

        foreach (var (value, what) in identifiers)
        {
            if (text.Contains(value, StringComparison.OrdinalIgnoreCase))
            {
                yield return $"{where}: {what}";
            }
        }
    }

    private static IEnumerable<string> Spellings(decimal value)
    {
        var invariant = CultureInfo.InvariantCulture;
        var magnitude = Math.Abs(value);
        var normalised = magnitude / 1.0000000000000000000000000000m;
        string[] spellings =
        [
            magnitude.ToString(invariant),
            normalised.ToString(invariant),
            normalised.ToString("#,##0.############################", invariant),
            magnitude.ToString("#,##0.00", invariant),
            magnitude.ToString("0.00", invariant),
            magnitude.ToString("#,##0.########", invariant),
            magnitude.ToString("0.########", invariant),
            magnitude.ToString("N", invariant),
        ];
        return spellings.Distinct(StringComparer.Ordinal).Where(s => SignificantDigits(s) >= MinimumSignificantDigits);
    }

    private static int SignificantDigits(string spelling) => new string([.. spelling.Where(char.IsDigit)]).Trim('0').Length;

    /// <summary>True when <paramref name="spelling"/> occurs in <paramref name="text"/> as a whole number: no digit or
    /// decimal point right before it, and after it at most trailing zeros of its decimals before a non-digit.</summary>
    private static bool StandsAlone(string text, string spelling)
    {
        for (var at = text.IndexOf(spelling, StringComparison.Ordinal); at >= 0; at = text.IndexOf(spelling, at + 1, StringComparison.Ordinal))
        {
            if (at > 0 && (char.IsDigit(text[at - 1]) || (text[at - 1] == '.' && at > 1 && char.IsDigit(text[at - 2]))))
            {
                continue;
            }

            var end = at + spelling.Length;
            if (spelling.Contains('.', StringComparison.Ordinal))
            {
                while (end < text.Length && text[end] == '0')
                {
                    end++;
                }
            }
            else if (end + 1 < text.Length && text[end] == '.' && char.IsDigit(text[end + 1]))
            {
                continue;
            }

            if (end >= text.Length || !char.IsDigit(text[end]))
            {
                return true;
            }
        }

        return false;
    }
}

using System.Globalization;
using DashboardAmounts = AllexPortal.Web.Components.Pages.Dashboard.Amounts;
using AllexPortal.Web.Components.Pages.History;

namespace AllexPortal.Web.Tests.Amounts;

/// <summary>
/// An amount as any page, chart or serializer of the portal could write it: the dashboard's and the history's
/// formats, the raw decimal with and without its trailing zeros (JSON, SignalR), two and six decimals (the charts).
/// Only spellings with at least five significant digits are kept, so a percentage such as <c>25.00</c> or a count can
/// never be mistaken for a balance: what is left names one amount and nothing else.
/// </summary>
internal static class AmountStrings
{
    public static IReadOnlyList<string> Of(decimal value)
    {
        var invariant = CultureInfo.InvariantCulture;
        var magnitude = Math.Abs(value);
        string[] spellings =
        [
            magnitude.ToString(invariant),
            (magnitude / 1.0000000000000000000000000000m).ToString(invariant),
            DashboardAmounts.Format(magnitude),
            HistoryFormat.Amount(magnitude),
            magnitude.ToString("0.########", invariant),
            magnitude.ToString("0.00", invariant),
            magnitude.ToString("#,##0.00", invariant),
            Math.Round(magnitude, 6).ToString("0.######", invariant),
        ];
        return [.. spellings.Where(s => SignificantDigits(s) >= 5).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Every spelling of every amount in <paramref name="values"/>.</summary>
    public static IReadOnlyList<string> OfAll(IEnumerable<decimal> values) =>
        [.. values.SelectMany(Of).Distinct(StringComparer.Ordinal)];

    /// <summary>The spellings of <paramref name="amounts"/> found in <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> FoundIn(string text, IEnumerable<string> amounts) =>
        [.. amounts.Where(a => text.Contains(a, StringComparison.Ordinal))];

    private static int SignificantDigits(string text)
    {
        var digits = new string([.. text.Where(char.IsDigit)]).Trim('0');
        return digits.Length;
    }
}

using System.Globalization;

namespace AllexPortal.Web.Components.Pages.Dashboard;

/// <summary>How the dashboard prints money and quantities: thousands separators and two decimals from 1 up, up to
/// eight significant decimals below 1 (so 0.00012 btc stays readable), invariant culture so every user reads the same.</summary>
public static class Amounts
{
    /// <summary>1,234.56 · 0.00012345 · 0</summary>
    public static string Format(decimal value) =>
        Math.Abs(value) >= 1m || value == 0m
            ? value.ToString("#,##0.00", CultureInfo.InvariantCulture)
            : value.ToString("0.########", CultureInfo.InvariantCulture);

    /// <summary>A value followed by the upper-case currency: <c>1,234.56 USDT</c>.</summary>
    public static string Format(decimal value, string currency) => $"{Format(value)} {currency.ToUpperInvariant()}";

    /// <summary>A share (0.25) as <c>25.00 %</c>.</summary>
    public static string Percent(decimal fraction) => (fraction * 100m).ToString("0.00", CultureInfo.InvariantCulture) + " %";

    /// <summary>A change in percent with its sign: <c>+1.25 %</c>, <c>-0.50 %</c>.</summary>
    public static string Change(decimal percent) => percent.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + " %";
}

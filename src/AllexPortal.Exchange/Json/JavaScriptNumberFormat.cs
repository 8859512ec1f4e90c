using System.Globalization;

namespace AllexPortal.Exchange.Json;

/// <summary>
/// Prints a decimal exactly as JavaScript's <c>Number.prototype.toString</c> prints the same number.
/// The exchange verifies HMAC signatures over <c>JSON.stringify(JSON.parse(body))</c>, so any other
/// spelling (<c>0.10</c>, <c>68000.0</c>, <c>1E-07</c>) breaks the signature of a signed request body.
/// </summary>
public static class JavaScriptNumberFormat
{
    /// <summary>Formats <paramref name="value"/> the way a JavaScript engine would print the parsed number.</summary>
    public static string Format(decimal value)
    {
        if (value == 0m)
        {
            return "0";
        }

        // .NET prints the shortest round-trip digits of a double, as ECMAScript does; only the layout differs.
        var roundTrip = ((double)value).ToString("R", CultureInfo.InvariantCulture);
        var negative = roundTrip[0] == '-';
        if (negative)
        {
            roundTrip = roundTrip[1..];
        }

        var exponent = 0;
        var exponentAt = roundTrip.IndexOf('E', StringComparison.Ordinal);
        if (exponentAt >= 0)
        {
            exponent = int.Parse(roundTrip[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            roundTrip = roundTrip[..exponentAt];
        }

        var dot = roundTrip.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = dot < 0 ? roundTrip : roundTrip[..dot];
        var allDigits = dot < 0 ? roundTrip : integerDigits + roundTrip[(dot + 1)..];
        var significant = allDigits.TrimStart('0');
        var leadingZeros = allDigits.Length - significant.Length;
        significant = significant.TrimEnd('0');

        // ECMAScript Number::toString: value = 0.significant × 10^n, k significant digits.
        var n = integerDigits.Length + exponent - leadingZeros;
        var k = significant.Length;
        var body = (k, n) switch
        {
            _ when k <= n && n <= 21 => significant + new string('0', n - k),
            _ when n > 0 && n <= 21 => significant[..n] + "." + significant[n..],
            _ when n > -6 && n <= 0 => "0." + new string('0', -n) + significant,
            _ => ExponentForm(significant, n - 1),
        };
        return negative ? "-" + body : body;
    }

    private static string ExponentForm(string significant, int exponent)
    {
        var mantissa = significant.Length > 1 ? significant[..1] + "." + significant[1..] : significant;
        var sign = exponent < 0 ? "-" : "+";
        return mantissa + "e" + sign + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
    }
}

using AllexPortal.Exchange.Json;

namespace AllexPortal.Exchange.Tests.Json;

public class JavaScriptNumberFormatTests
{
    // Expected values are what node prints for String(JSON.parse(text)).
    [Theory]
    [InlineData("0", "0")]
    [InlineData("0.10", "0.1")]
    [InlineData("68000.0", "68000")]
    [InlineData("0.001", "0.001")]
    [InlineData("0.00001", "0.00001")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("0.0000001", "1e-7")]
    [InlineData("0.00000015", "1.5e-7")]
    [InlineData("-0.5", "-0.5")]
    [InlineData("123456789.123", "123456789.123")]
    [InlineData("100000000000000000000", "100000000000000000000")]
    [InlineData("1000000000000000000000", "1e+21")]
    [InlineData("2070.98", "2070.98")]
    public void Decimal_prints_as_javascript_prints_the_same_number(string value, string expected)
    {
        var amount = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, JavaScriptNumberFormat.Format(amount));
    }
}

using System.Globalization;
using System.Reflection;
using AllexPortal.Exchange.Json;
using Refit;

namespace AllexPortal.Exchange.Http;

/// <summary>
/// Query values as the Kit's validators expect them: UTC ISO-8601 dates with milliseconds and <c>Z</c>,
/// lower-case booleans and enum names, decimals in JavaScript form, everything culture-invariant.
/// </summary>
internal sealed class ExchangeUrlParameterFormatter : DefaultUrlParameterFormatter
{
    public override string? Format(object? value, ICustomAttributeProvider attributeProvider, Type type) => value switch
    {
        null => null,
        DateTimeOffset time => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        DateTime time => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        decimal amount => JavaScriptNumberFormat.Format(amount),
        Enum member => member.ToString().ToLowerInvariant(),
        _ => base.Format(value, attributeProvider, type),
    };
}

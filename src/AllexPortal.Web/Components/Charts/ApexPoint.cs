namespace AllexPortal.Web.Components.Charts;

/// <summary>A point of a time series: <see cref="X"/> in Unix milliseconds (what a datetime axis reads), <see cref="Y"/> the value.</summary>
public sealed record ApexPoint(long X, decimal Y)
{
    /// <summary>A point at <paramref name="at"/>.</summary>
    public static ApexPoint At(DateTimeOffset at, decimal value) => new(at.ToUnixTimeMilliseconds(), value);
}

namespace AllexPortal.Core.Tax;

/// <summary>
/// The one rounding rule of the engine: values in the report currency that come from a product or a pro-rata
/// share are rounded to 12 decimal places (banker's rounding), far below the smallest unit of any currency.
/// </summary>
/// <remarks>
/// A <see cref="decimal"/> quotient carries 28 significant digits; adding a few of those already needs more
/// digits than <see cref="decimal"/> holds, so sums would drift in the last place and
/// <c>sum of gains == proceeds - cost</c> would fail by 1e-25. With every value at 12 places or fewer, sums and
/// differences of amounts below 10^16 are exact, and remainders (whole minus the shares taken) keep totals exact.
/// </remarks>
internal static class ValueRounding
{
    public const int DecimalPlaces = 12;

    public static decimal Value(decimal value) => decimal.Round(value, DecimalPlaces, MidpointRounding.ToEven);

    /// <summary><paramref name="total"/> times <paramref name="part"/> / <paramref name="whole"/>, rounded.</summary>
    public static decimal Share(decimal total, decimal part, decimal whole) => Value(total * part / whole);
}

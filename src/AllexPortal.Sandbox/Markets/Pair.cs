namespace AllexPortal.Sandbox.Markets;

/// <summary>A trading pair as <c>/constants</c> describes it; <see cref="Index"/> is its position in the catalog,
/// <see cref="BaseIndex"/> and <see cref="QuoteIndex"/> its coins' positions.</summary>
internal sealed record Pair(
    int Index, int Id, string Name, string Base, string Quote, int BaseIndex, int QuoteIndex, decimal MinSize, decimal MaxSize,
    decimal MinPrice, decimal MaxPrice, decimal IncrementSize, decimal IncrementPrice)
{
    public decimal RoundPrice(decimal price) => RoundTo(price, IncrementPrice);

    public decimal RoundSize(decimal size) => RoundTo(size, IncrementSize);

    private static decimal RoundTo(decimal value, decimal increment) =>
        Math.Max(increment, Math.Round(value / increment, MidpointRounding.ToEven) * increment);
}

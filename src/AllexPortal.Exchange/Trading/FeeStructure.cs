namespace AllexPortal.Exchange.Trading;

/// <summary>Maker and taker fee rates applied to an order, in percent.</summary>
public sealed record FeeStructure
{
    public decimal Maker { get; init; }
    public decimal Taker { get; init; }
}

namespace AllexPortal.Web.Prices;

/// <summary>One pair on the way from an asset to a currency; <see cref="Inverted"/> when the pair quotes the other way round.</summary>
public readonly record struct PriceLeg(string Symbol, bool Inverted)
{
    /// <summary>The price this leg contributes given the pair's close (1 / close when inverted, absent for a close of 0).</summary>
    public decimal? Apply(decimal close) => Inverted ? (close == 0m ? null : 1m / close) : close;
}

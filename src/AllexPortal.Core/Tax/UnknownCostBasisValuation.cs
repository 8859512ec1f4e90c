namespace AllexPortal.Core.Tax;

/// <summary>
/// How to value a deposit whose cost basis the ledger does not know (coins arriving from outside the chosen
/// connections). Either way the deposit is flagged with a <see cref="TaxWarningKind.UnknownCostBasis"/> warning.
/// </summary>
public enum UnknownCostBasisValuation
{
    /// <summary>Use the market value at arrival (the hourly close of the arrival hour) as the cost basis.</summary>
    MarketPrice,

    /// <summary>Use zero: the most conservative choice, taxing the whole proceeds when the coins are sold.</summary>
    Zero,
}

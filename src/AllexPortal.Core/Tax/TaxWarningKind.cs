namespace AllexPortal.Core.Tax;

/// <summary>What a <see cref="TaxWarning"/> is about.</summary>
public enum TaxWarningKind
{
    /// <summary>More was sold or withdrawn than was held; the warning's quantity is the shortfall.</summary>
    Oversold,

    /// <summary>
    /// No hourly close was available to value a leg; the leg was valued at zero and must be checked. The
    /// warning's quantity is the amount that could not be valued.
    /// </summary>
    MissingPrice,

    /// <summary>A deposit arrived with no known cost basis; the warning's quantity is the unexplained part.</summary>
    UnknownCostBasis,
}

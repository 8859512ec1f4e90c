namespace AllexPortal.Core.Tax.Exports;

/// <summary>The item names of the workbook's summary sheet (first column), so readers can look values up by name.</summary>
public static class SummaryItems
{
    public const string PeriodStart = "Period start (UTC)";
    public const string PeriodEnd = "Period end (UTC, exclusive)";
    public const string Method = "Cost-basis method";
    public const string Currency = "Report currency";
    public const string Proceeds = "Proceeds";
    public const string CostBasis = "Cost basis";
    public const string Gain = "Realised gain";
    public const string ShortTermGain = "Short-term gain";
    public const string LongTermGain = "Long-term gain";
    public const string Fees = "Fees (valued)";
    public const string UnvaluedFees = "Fees (not valued)";
    public const string UnrealisedCost = "Cost of holdings at period end";
    public const string MarketValue = "Market value at period end";
    public const string UnrealisedGain = "Unrealised gain";
    public const string Disposals = "Disposal rows";
    public const string Warnings = "Warnings";
}

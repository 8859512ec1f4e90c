namespace AllexPortal.Core.Portfolio;

/// <summary>The ranges the value-over-time chart offers.</summary>
public enum HistoryRange
{
    Week,
    Month,
    Quarter,
    Year,
    All,
}

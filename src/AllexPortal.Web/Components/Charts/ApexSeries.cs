namespace AllexPortal.Web.Components.Charts;

/// <summary>A named line of an area or line chart.</summary>
public sealed record ApexSeries(string Name, IReadOnlyList<ApexPoint> Points);

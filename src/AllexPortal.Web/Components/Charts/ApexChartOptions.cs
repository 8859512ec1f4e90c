namespace AllexPortal.Web.Components.Charts;

/// <summary>
/// The part of ApexCharts' options the portal uses, typed. A donut reads <see cref="Labels"/> and
/// <see cref="Values"/>; an area or line chart reads <see cref="Series"/> on a datetime x axis. The only
/// formatter is a number with at most <see cref="Decimals"/> fraction digits followed by
/// <see cref="ValueSuffix"/> (the currency), built in <c>wwwroot/js/apexcharts-interop.js</c> so no script
/// text ever travels from the server (the CSP forbids eval).
/// </summary>
public sealed record ApexChartOptions
{
    public required ApexChartKind Kind { get; init; }

    /// <summary>Height in CSS pixels. Default 300.</summary>
    public int Height { get; init; } = 300;

    /// <summary>Donut slice names. Default none.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Donut slice values, in the order of <see cref="Labels"/>. Default none.</summary>
    public IReadOnlyList<decimal> Values { get; init; } = [];

    /// <summary>Lines of an area or line chart. Default none.</summary>
    public IReadOnlyList<ApexSeries> Series { get; init; } = [];

    /// <summary>Colours (CSS) in series/slice order; null keeps ApexCharts' palette. Default null.</summary>
    public IReadOnlyList<string>? Colors { get; init; }

    /// <summary>Light or dark text, grid and tooltips. Default light.</summary>
    public ApexThemeMode ThemeMode { get; init; } = ApexThemeMode.Light;

    /// <summary>Written after every value in labels and tooltips, e.g. <c>USDT</c>. Default none.</summary>
    public string? ValueSuffix { get; init; }

    /// <summary>Most fraction digits shown. Default 2.</summary>
    public int Decimals { get; init; } = 2;

    /// <summary>Colour (CSS) of bars below zero in a bar chart, e.g. losses; null keeps the series colour. Default null.</summary>
    public string? NegativeColor { get; init; }

    /// <summary>Text shown instead of a chart when there is nothing to draw. Default "No data".</summary>
    public string NoDataText { get; init; } = "No data";
}

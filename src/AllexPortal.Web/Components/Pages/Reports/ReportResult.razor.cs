using AllexPortal.Core.Assets;
using AllexPortal.Core.Tax;
using AllexPortal.Core.Tax.Exports;
using AllexPortal.Web.Components.Charts;
using AllexPortal.Web.Reports;
using Microsoft.AspNetCore.Components;

namespace AllexPortal.Web.Components.Pages.Reports;

/// <summary>Shows one computed report. Warnings are grouped by asset and then by kind, each kind with what the user can do.</summary>
public sealed partial class ReportResult
{
    /// <summary>How many warnings of one kind and asset are listed; the rest are counted.</summary>
    public const int ShownPerKind = 5;

    /// <summary>The report to show. Required.</summary>
    [Parameter, EditorRequired]
    public ComputedReport Computed { get; set; } = default!;

    /// <summary>The workspace the report was computed in, for its download links (checked again on download). Default null: personal.</summary>
    [Parameter]
    public Guid? WorkspaceId { get; set; }

        /// <summary>Light or dark chart. Default light.</summary>
    [Parameter]
    public ApexThemeMode ThemeMode { get; set; } = ApexThemeMode.Light;

    private ApexChartOptions Chart { get; set; } = new() { Kind = ApexChartKind.Bar };

    private ReportFigures Figures => Computed.Figures;

    private string Currency => Computed.Report.Currency.Code;

    private IEnumerable<IGrouping<Asset, TaxWarning>> WarningGroups =>
        Computed.Report.Warnings.GroupBy(w => w.Asset).OrderBy(g => g.Key.Code, StringComparer.Ordinal);

    private string Caption
    {
        get
        {
            var request = Computed.Request;
            var period = $"{request.Period.Start:yyyy-MM-dd} to {request.Period.LastInstant:yyyy-MM-dd}";
            return $"{string.Join(", ", Computed.ConnectionLabels)} · {period} · {ReportsPage.MethodsName(request)} · {Currency.ToUpperInvariant()} · " +
                $"{Computed.Report.Disposals.Count} disposal row(s) from {Computed.Transactions.Count} transaction(s) · computed {Computed.ComputedAt:yyyy-MM-dd HH:mm} UTC";
        }
    }

    private string? UnrealisedCaption => Figures.UnpricedAssets.Count == 0
        ? $"Holdings worth {Amounts(Figures.MarketValue)} against a cost of {Amounts(Figures.UnrealisedCost)}"
        : $"No price at the period end for {string.Join(", ", Figures.UnpricedAssets.Select(a => a.Code.ToUpperInvariant()))} (not counted)";

    /// <summary>What the user can do about a kind of warning.</summary>
    public static string Advice(TaxWarningKind kind) => kind switch
    {
        TaxWarningKind.Oversold =>
            "More was sold or withdrawn than the chosen connections ever received, so that part counts at zero cost. " +
            "Add the connection the coins came from to the report, or check that its ledger has finished syncing.",
        TaxWarningKind.MissingPrice =>
            "The exchange had no hourly close for this coin, so the leg was valued at zero. Choose a report currency " +
            "the coin trades against, or check the value by hand before filing.",
        _ =>
            "Coins arrived from outside the chosen connections with no known cost. Add the connection or wallet they " +
            "came from, or choose how they are valued (market price at arrival, or zero).",
    };

    protected override void OnParametersSet()
    {
        Chart = new ApexChartOptions
        {
            Kind = ApexChartKind.Bar,
            Series = [new ApexSeries("Realised gain", [.. Figures.Months.Select(m => ApexPoint.At(m.Month, m.Gain))])],
            ValueSuffix = Currency.ToUpperInvariant(),
            Decimals = 2,
            ThemeMode = ThemeMode,
            Colors = ["#26a69a"],
            NegativeColor = "#ef5350",
            NoDataText = "No disposals in this period",
            Height = 260,
        };
    }

    private string Amounts(decimal value) => Dashboard.Amounts.Format(value, Currency);
}

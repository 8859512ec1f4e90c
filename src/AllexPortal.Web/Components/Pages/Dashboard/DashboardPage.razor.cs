using System.Globalization;
using AllexPortal.Core.Portfolio;
using AllexPortal.Web.Access;
using AllexPortal.Web.Components.Charts;
using AllexPortal.Web.Data;
using AllexPortal.Web.Portfolio;
using AllexPortal.Web.Teams;
using AllexPortal.Web.Theme;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace AllexPortal.Web.Components.Pages.Dashboard;

/// <summary>
/// The portfolio dashboard. Loads only once the circuit is interactive (the prerendered page shows a loading
/// state and makes no exchange call), keeps the last good values when the exchange fails, and catches every
/// fault of a refresh so the circuit survives. A one-second timer runs the automatic refresh (re-rendering only when it
/// does; <see cref="UpdatedAgo"/> ticks on its own); the quote, dust threshold and refresh interval are remembered for this circuit.
/// </summary>
public sealed partial class DashboardPage : IDisposable
{
    private static readonly string[] Palette =
        ["#3f51b5", "#ff9800", "#26a69a", "#ab47bc", "#ef5350", "#66bb6a", "#29b6f6", "#8d6e63", "#ec407a", "#78909c"];

    private readonly CancellationTokenSource lifetime = new();
    private PortfolioOverview? overview;
    private ApexChartOptions allocation = new() { Kind = ApexChartKind.Donut };
    private ApexChartOptions history = new() { Kind = ApexChartKind.Area };
    private string quote = SnapshotStore.Quote;
    private decimal dustThreshold = 0.01m;
    private int autoRefreshSeconds;
    private HistoryRange range = HistoryRange.Month;
    private ApexThemeMode themeMode = ApexThemeMode.Light;
    private string? userId;
    private string? problem;
    private bool loading;
    private ITimer? ticker;

    [Inject] private PortfolioService Portfolio { get; set; } = default!;
    [Inject] private CurrentWorkspace Workspace { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private UserManager<PortalUser> Users { get; set; } = default!;
    [Inject] private ILogger<DashboardPage> Logger { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The layout's current theme; the charts follow it when the user toggles it.</summary>
    [CascadingParameter]
    private PortalTheme Theme { get; set; }

    private string? TotalCaption => overview switch
    {
        null => null,
        { Combined.Unpriced.Count: > 0 } o => $"Not counted (no price): {string.Join(", ", o.Combined.Unpriced.Select(c => c.ToUpperInvariant()))}",
        { Connections.Count: > 1 } o => $"Sum of {o.Connections.Count} connections",
        _ => null,
    };

    private string HistoryNote => overview switch
    {
        null => "",
        { Quote: SnapshotStore.Quote } => "Recorded in USDT on a schedule, on each view, and from the exchange's balance history; days before that are rebuilt from the synced ledger at daily closes.",
        { UsdtRate: not null } o => $"Recorded in USDT; shown in {o.Quote.ToUpperInvariant()} at today's rate, not the rate of each day.",
        _ => $"Recorded in USDT; no rate to {overview.Quote.ToUpperInvariant()} today, so shown in USDT.",
    };

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        var user = (await AuthenticationState).User;
        userId = Users.GetUserId(user);
        await Workspace.LoadAsync(lifetime.Token);
        Workspace.Changed += OnWorkspaceChanged;
        await RefreshAsync();
        ticker = Time.CreateTimer(_ => _ = InvokeAsync(TickAsync), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    protected override void OnParametersSet()
    {
        var mode = Theme == PortalTheme.Dark ? ApexThemeMode.Dark : ApexThemeMode.Light;
        if (mode != themeMode)
        {
            themeMode = mode;
            allocation = allocation with { ThemeMode = mode };
            history = history with { ThemeMode = mode };
        }
    }

    private async Task TickAsync()
    {
        if (overview is not null && autoRefreshSeconds > 0 && !loading
            && Time.GetUtcNow() - overview.LoadedAt >= TimeSpan.FromSeconds(autoRefreshSeconds))
        {
            await RefreshAsync();
        }
    }

    private async Task RefreshAsync()
    {
        if (userId is null || loading)
        {
            return;
        }

        loading = true;
        try
        {
            overview = await Portfolio.LoadAsync(userId, Workspace.Id, quote, dustThreshold, lifetime.Token);
            await LoadHistoryAsync();
            allocation = Allocation(overview);
            problem = null;
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            return;
        }
        catch (AccessDeniedException denied)
        {
            overview = null;
            problem = denied.Message;
        }
#pragma warning disable CA1031 // The dashboard must never take the circuit down: any fault becomes a notice.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            Logger.LogError(failure, "Dashboard refresh failed");
            problem = "The dashboard could not be refreshed. The values shown are the last ones loaded; try again in a moment.";
        }
        finally
        {
            loading = false;
        }

        StateHasChanged();
    }

    private async Task LoadHistoryAsync()
    {
        if (overview is null)
        {
            return;
        }

        var points = await Portfolio.HistoryAsync(overview, range, lifetime.Token);
        var rate = overview.UsdtRate ?? 1m;
        var currency = overview.UsdtRate is null ? SnapshotStore.Quote : overview.Quote;
        history = new ApexChartOptions
        {
            Kind = ApexChartKind.Area,
            Series = [new ApexSeries("Value", [.. points.Select(p => ApexPoint.At(p.At, p.Value * rate))])],
            ValueSuffix = currency.ToUpperInvariant(),
            Decimals = currency == SnapshotStore.Quote ? 2 : 6,
            ThemeMode = themeMode,
            Colors = [Palette[0]],
            NoDataText = "No snapshots yet",
        };
    }

    private ApexChartOptions Allocation(PortfolioOverview loaded)
    {
        var slices = loaded.Combined.Rows.Where(r => r.Value > 0m).ToList();
        return new ApexChartOptions
        {
            Kind = ApexChartKind.Donut,
            Labels = [.. slices.Select(r => r.Coin.ToUpperInvariant())],
            Values = [.. slices.Select(r => r.Value!.Value)],
            Colors = [.. slices.Select((_, i) => Palette[i % Palette.Length])],
            ValueSuffix = loaded.Quote.ToUpperInvariant(),
            Decimals = loaded.Quote == SnapshotStore.Quote ? 2 : 6,
            ThemeMode = themeMode,
            NoDataText = "Nothing priced to show",
        };
    }

    private async Task ChangeQuoteAsync(string value)
    {
        quote = value;
        await RefreshAsync();
    }

    private async Task ChangeDustAsync(decimal value)
    {
        dustThreshold = Math.Max(0m, value);
        await RefreshAsync();
    }

    private void ChangeAutoRefresh(int seconds) => autoRefreshSeconds = seconds;

    private async Task ChangeRangeAsync(HistoryRange value)
    {
        range = value;
        try
        {
            await LoadHistoryAsync();
        }
#pragma warning disable CA1031 // See RefreshAsync.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            Logger.LogError(failure, "Loading the value history failed");
            problem = "The value history could not be loaded.";
        }
    }

    /// <summary>Another workspace was chosen: show its connections, not the last one's.</summary>
    private void OnWorkspaceChanged() => _ = InvokeAsync(async () =>
    {
        overview = null;
        await RefreshAsync();
    });

    public void Dispose()
    {
        Workspace.Changed -= OnWorkspaceChanged;
        ticker?.Dispose();
        lifetime.Cancel();
        lifetime.Dispose();
    }
}

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
/// What it shows comes from <see cref="VisiblePortfolio"/>, which decides on the server whether the member's role in the
/// current workspace sees amounts: without them the page is given only shares, changes and an index, and draws those.
/// </summary>
public sealed partial class DashboardPage : IDisposable
{
    private static readonly string[] Palette =
        ["#3f51b5", "#ff9800", "#26a69a", "#ab47bc", "#ef5350", "#66bb6a", "#29b6f6", "#8d6e63", "#ec407a", "#78909c"];

    private readonly CancellationTokenSource lifetime = new();
    private DashboardView? view;
    private ApexChartOptions allocation = new() { Kind = ApexChartKind.Donut };
    private ApexChartOptions history = new() { Kind = ApexChartKind.Area };
    private string quote = SnapshotStore.Quote;
    private decimal dustThreshold = 0.01m;
    private int autoRefreshSeconds;
    private string? dustError;
    private HistoryRange range = HistoryRange.Month;
    private ApexThemeMode themeMode = ApexThemeMode.Light;
    private string? userId;
    private string? problem;
    private bool loading;
    private ITimer? ticker;

    [Inject] private VisiblePortfolio Portfolio { get; set; } = default!;
    [Inject] private CurrentWorkspace Workspace { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private UserManager<PortalUser> Users { get; set; } = default!;
    [Inject] private ILogger<DashboardPage> Logger { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The layout's current theme; the charts follow it when the user toggles it.</summary>
    [CascadingParameter]
    private PortalTheme Theme { get; set; }

    private PortfolioOverview? overview => view?.Amounts;

    private PortfolioShares? shares => view?.Shares;

    private static readonly (int Seconds, string Label)[] AutoRefreshChoices = [(0, "Off"), (30, "30 s"), (60, "1 min"), (300, "5 min")];

    private static readonly (string Value, string Label)[] AutoRefreshOptions =
        [.. AutoRefreshChoices.Select(c => (c.Seconds.ToString(CultureInfo.InvariantCulture), c.Label))];

    private IReadOnlyList<string> QuoteChoices => overview?.QuoteChoices ?? shares?.QuoteChoices ?? [];

    private string? SharesCaption => shares switch
    {
        null => null,
        { Combined.Unpriced.Count: > 0 } s => $"Not counted (no price): {string.Join(", ", s.Combined.Unpriced.Select(c => c.ToUpperInvariant()))}",
        { Connections.Count: > 1 } s => $"{s.Connections.Count} connections",
        _ => null,
    };

    private string? TotalCaption => overview switch
    {
        null => null,
        { Combined.Unpriced.Count: > 0 } o => $"Not counted (no price): {string.Join(", ", o.Combined.Unpriced.Select(c => c.ToUpperInvariant()))}",
        { Connections.Count: > 1 } o => $"Sum of {o.Connections.Count} connections",
        _ => null,
    };

    private string HistoryNote => overview switch
    {
        null when shares is not null => "An index of the combined value: 100 is where it stood at the start of the range. Deposits and withdrawals move it as prices do.",
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
        if (view is not null && autoRefreshSeconds > 0 && !loading
            && Time.GetUtcNow() - view.LoadedAt >= TimeSpan.FromSeconds(autoRefreshSeconds))
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
            view = await Portfolio.LoadAsync(userId, Workspace.Id, quote, dustThreshold, lifetime.Token);
            await LoadHistoryAsync();
            allocation = Allocation(view);
            problem = null;
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            return;
        }
        catch (AccessDeniedException denied)
        {
            view = null;
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
        if (shares is not null && userId is not null)
        {
            var index = await Portfolio.IndexAsync(userId, Workspace.Id, shares, range, lifetime.Token);
            history = new ApexChartOptions
            {
                Kind = ApexChartKind.Area,
                Series = [new ApexSeries("Index", [.. index.Select(p => ApexPoint.At(p.At, p.Index))])],
                Decimals = ValueIndex.Decimals,
                ThemeMode = themeMode,
                Colors = [Palette[0]],
                NoDataText = "No snapshots yet",
            };
            return;
        }

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

    private ApexChartOptions Allocation(DashboardView loaded)
    {
        if (loaded.Shares is { } loadedShares)
        {
            var parts = loadedShares.Combined.Rows.Where(r => r.Share > 0m).ToList();
            return new ApexChartOptions
            {
                Kind = ApexChartKind.Donut,
                Labels = [.. parts.Select(r => r.Coin.ToUpperInvariant())],
                Values = [.. parts.Select(r => r.Share * 100m)],
                Colors = [.. parts.Select((_, i) => Palette[i % Palette.Length])],
                ValueSuffix = "%",
                Decimals = 2,
                ThemeMode = themeMode,
                NoDataText = "Nothing priced to show",
            };
        }

        return Allocation(loaded.Amounts!);
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

    // The settings are plain HTML fields: what the browser sends is checked here, and anything but an offered choice
    // (or, for the threshold, a number of 0 or more) leaves the setting as it was.
    private async Task ChangeQuoteAsync(ChangeEventArgs e)
    {
        if (e.Value is string value && QuoteChoices.Contains(value, StringComparer.Ordinal) && value != quote)
        {
            quote = value;
            await RefreshAsync();
        }
    }

    private async Task ChangeDustAsync(ChangeEventArgs e)
    {
        var text = (e.Value as string)?.Trim() ?? "";
        if (!decimal.TryParse(text.Length == 0 ? "0" : text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value < 0m)
        {
            dustError = "Enter an amount of 0 or more, e.g. 0.01.";
            return;
        }
        dustError = null;
        dustThreshold = value;
        await RefreshAsync();
    }

    private void ChangeAutoRefresh(ChangeEventArgs e)
    {
        if (int.TryParse(e.Value as string, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && AutoRefreshChoices.Any(choice => choice.Seconds == seconds))
        {
            autoRefreshSeconds = seconds;
        }
    }

    private static string RangeTestId(HistoryRange value) => value switch
    {
        HistoryRange.Week => "range-1W",
        HistoryRange.Month => "range-1M",
        HistoryRange.Quarter => "range-3M",
        HistoryRange.Year => "range-1Y",
        _ => "range-All",
    };

    /// <summary>Another workspace was picked in the app bar: what the member may see there is loaded afresh, the
    /// previous workspace's figures are dropped first so they are never shown under the new name.</summary>
    private void OnWorkspaceChanged() => _ = InvokeAsync(async () =>
    {
        view = null;
        StateHasChanged();
        await RefreshAsync();
    });

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

    public void Dispose()
    {
        Workspace.Changed -= OnWorkspaceChanged;
        ticker?.Dispose();
        lifetime.Cancel();
        lifetime.Dispose();
    }
}

using AllexPortal.Web.Access;
using AllexPortal.Web.Amounts;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.History;
using AllexPortal.Web.Ledger;
using AllexPortal.Web.Orders;
using AllexPortal.Web.Teams;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.JSInterop;

namespace AllexPortal.Web.Components.Pages.History;

/// <summary>
/// The history section: one route per grid (<c>/history/trades</c>, ...) with the filter in the query string, so a
/// link reproduces the view and the Download link exports it. Loads only once the circuit is interactive (the
/// prerendered page shows a loading state), shows the sync panel above the grids, and keeps the circuit alive on any
/// fault. Times are shown in the browser's time zone, read once through a collocated JS module (UTC until then).
/// The member's role in the current workspace decides the grids: without <see cref="PortalPermission.ViewAmounts"/> they
/// are the amount-free ones fed by <see cref="HistoryWithoutAmounts"/> (no id search either); without
/// <see cref="PortalPermission.Export"/> no download is offered. Until the role is known no grid is drawn.
/// </summary>
public sealed partial class HistoryView : IAsyncDisposable
{
    private HistoryTab? tab = HistoryTab.Trades;
    private HistoryQuery filter = new();
    private IReadOnlyList<ConnectionSummary>? connections;
    private IReadOnlyList<LedgerSyncStatus> statuses = [];
    private IReadOnlySet<Guid> tradable = new HashSet<Guid>();
    private HistoryFacets? facets;
    private TimeZoneInfo zone = TimeZoneInfo.Utc;
    private string? userId;
    private string? problem;
    private int revision;
    private IJSObjectReference? module;
    private bool listening;
    private bool showAmounts;
    private bool canExport;

    /// <summary>The route's tab segment; none means trades.</summary>
    [Parameter]
    public string? Tab { get; set; }

    [Inject] private ConnectionService ConnectionService { get; set; } = default!;
    [Inject] private HistoryService History { get; set; } = default!;
    [Inject] private LedgerSyncCoordinator Sync { get; set; } = default!;
    [Inject] private OrderCancellation Cancellation { get; set; } = default!;
    [Inject] private PortalAccess Access { get; set; } = default!;
    [Inject] private CurrentWorkspace Workspace { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private UserManager<PortalUser> Users { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private ILogger<HistoryView> Logger { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private string CurrentTab => tab?.ToString() ?? "History";

    private string TimeTitle => zone == TimeZoneInfo.Utc ? "Time (UTC)" : $"Time ({zone.Id})";

    /// <summary>True when none of the user's connections has finished a sync of this history yet.</summary>
    private bool NeverSynced => tab is { } t && statuses.Count > 0
        && statuses.Where(s => s.Kind == t.Kind()).All(s => s.LastSuccessAt is null && !s.Complete && s.RowCount == 0);

    private string? NoRows => NeverSynced
        ? "Nothing synced yet: the first sync is running."
        : IsUnfiltered ? $"There are no {CurrentTab.ToLowerInvariant()} in your history." : null;

    private bool IsUnfiltered => (filter with { Workspace = null }).ToQueryString().Length == 0;

    /// <summary>The filter the amount-free grids get: a shared link's id search does not apply to them.</summary>
    private HistoryQuery GridFilter => filter with { Search = null };

    protected override async Task OnParametersSetAsync()
    {
        tab = HistoryTabs.FromSlug(Tab);
        if (!RendererInfo.IsInteractive || tab is null)
        {
            return;
        }

        if (!listening)
        {
            Navigation.LocationChanged += OnLocationChanged;
            Workspace.Changed += OnWorkspaceChanged;
            listening = true;
        }

        await Workspace.LoadAsync();
        ApplyAddress();
        await LoadAsync();
    }

    /// <summary>Reads the filter from the address's query string.</summary>
    private void ApplyAddress()
    {
        var uri = Navigation.ToAbsoluteUri(Navigation.Uri);
        if (HistoryQuery.TryParse(QueryHelpers.ParseQuery(uri.Query), out var parsed, out var error))
        {
            // The workspace is the one the user is in, never one from the address.
            filter = parsed with { Workspace = Workspace.Id, Sort = null, Descending = true, Page = 0, PageSize = HistoryQuery.DefaultPageSize, After = null };
            problem = null;
        }
        else
        {
            filter = new HistoryQuery { Workspace = Workspace.Id };
            problem = $"The filter in the address was ignored: {error}";
        }
    }

    /// <summary>A change of only the query string re-renders no parameter of this page (the tab is unchanged), so the
    /// filter follows the address here.</summary>
    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(() =>
    {
        if (tab is { } current && new Uri(e.Location).AbsolutePath.TrimEnd('/').EndsWith("/history/" + current.Slug(), StringComparison.OrdinalIgnoreCase)
            || (tab == HistoryTab.Trades && new Uri(e.Location).AbsolutePath.TrimEnd('/').EndsWith("/history", StringComparison.OrdinalIgnoreCase)))
        {
            ApplyAddress();
            StateHasChanged();
        }
    });

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive)
        {
            return;
        }

        try
        {
            module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Pages/History/HistoryView.razor.js");
            var id = await module.InvokeAsync<string>("timeZone");
            if (!string.IsNullOrEmpty(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) && found.Id != zone.Id)
            {
                zone = found;
                StateHasChanged();
            }
        }
        catch (JSException failure)
        {
            Logger.LogInformation(failure, "The browser's time zone could not be read; history times stay in UTC");
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; nothing to show.
        }
        catch (TaskCanceledException)
        {
            // The circuit is closing.
        }
    }

    private async Task LoadAsync()
    {
        try
        {
            userId ??= Users.GetUserId((await AuthenticationState).User);
            if (userId is null)
            {
                return;
            }

            // Everything is read first and shown together: a child grid re-renders this page as soon as its rows
            // arrive, and a page showing connections with the statuses not read yet would say "Never synced".
            var grant = await Access.DemandWorkspaceAsync(userId, Workspace.Id, PortalPermission.View);
            var loaded = await ConnectionService.ListAsync(userId, Workspace.Id);
            IReadOnlyList<LedgerSyncStatus> loadedStatuses = [];
            IReadOnlySet<Guid> loadedTradable = new HashSet<Guid>();
            HistoryFacets? loadedFacets = null;
            if (loaded.Count > 0)
            {
                loadedStatuses = await Sync.StatusAsync(userId, Workspace.Id);
                loadedTradable = await Cancellation.TradableConnectionsAsync(userId, Workspace.Id);
                loadedFacets = await History.FacetsAsync(userId, Workspace.Id, tab!.Value.Kind());
            }

            showAmounts = grant.Allows(PortalPermission.ViewAmounts);
            canExport = grant.Allows(PortalPermission.Export);
            statuses = loadedStatuses;
            tradable = loadedTradable;
            facets = loadedFacets;
            connections = loaded;
        }
        catch (AccessDeniedException denied)
        {
            connections = [];
            problem = denied.Message;
        }
#pragma warning disable CA1031 // The page must never take the circuit down: any fault becomes a notice.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            Logger.LogError(failure, "Loading the history page failed");
            problem = "The history could not be loaded. Try again in a moment.";
        }
    }

    private void ChangeTab(int index)
    {
        if (index >= 0 && index < HistoryTabs.All.Count && HistoryTabs.All[index] != tab)
        {
            Navigation.NavigateTo(HistoryTabs.All[index].Path());
        }
    }

    private void ChangeFilter(HistoryQuery changed)
    {
        var query = (changed with { Workspace = null }).ToQueryString();
        Navigation.NavigateTo(tab!.Value.Path() + (query.Length == 0 ? "" : "?" + query));
    }

    private async Task OnSyncCompletedAsync(Guid connectionId)
    {
        await LoadAsync();
        revision++;
        StateHasChanged();
    }

    /// <summary>Another workspace was chosen: its connections, filter and grids replace this one's.</summary>
    private void OnWorkspaceChanged() => _ = InvokeAsync(async () =>
    {
        ApplyAddress();
        connections = null;
        statuses = [];
        tradable = new HashSet<Guid>();
        facets = null;
        await LoadAsync();
        revision++;
        StateHasChanged();
    });

    public async ValueTask DisposeAsync()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        Workspace.Changed -= OnWorkspaceChanged;
        if (module is not null)
        {
            try
            {
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone with the module.
            }
        }
    }
}

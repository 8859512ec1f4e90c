using AllexPortal.Web.Access;
using AllexPortal.Web.Connections;
using AllexPortal.Web.History;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AllexPortal.Web.Components.Pages.History;

/// <summary>
/// What the four history grids share: server-side paging and sorting through <see cref="HistoryService"/> (the grid's
/// state becomes a <see cref="HistoryQuery"/> on top of the page's filter), totals for the filter, a reload when the
/// filter changes, and an error state that keeps the circuit alive (the fault is logged, the user sees what to do).
/// </summary>
/// <typeparam name="T">The ledger row type of the grid.</typeparam>
public abstract class HistoryGrid<T> : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource lifetime = new();
    private string? loadedFilter;
    private int loadedRevision;

    /// <summary>The acting user. Required.</summary>
    [Parameter, EditorRequired]
    public string UserId { get; set; } = "";

    /// <summary>The page's filter (from the address). Default: no filter.</summary>
    [Parameter]
    public HistoryQuery Filter { get; set; } = new();

    /// <summary>Bumped by the page when the ledger changed (a sync finished): the grid reloads. Default 0.</summary>
    [Parameter]
    public int Revision { get; set; }

    /// <summary>The user's connections, for labels and the exchange's own CSV. Default: none.</summary>
    [Parameter]
    public IReadOnlyList<ConnectionSummary> Connections { get; set; } = [];

    [Inject] protected HistoryService History { get; set; } = default!;
    [Inject] protected ILogger<HistoryGrid<T>> Logger { get; set; } = default!;

    /// <summary>The grid, set by the markup's <c>@ref</c>.</summary>
    protected MudDataGrid<T>? Grid { get; set; }

    /// <summary>Totals of the filter from the last load.</summary>
    protected HistoryTotals Totals { get; private set; } = HistoryTotals.Empty;

    /// <summary>What went wrong with the last load, worded for the user; null when it worked.</summary>
    protected string? Problem { get; private set; }

    /// <summary>True once a load has answered (so "no rows" can be told from "not loaded yet").</summary>
    protected bool Loaded { get; private set; }

    /// <summary>The query of the last load (filter, sort and page): the Download link exports this filter in this order.</summary>
    protected HistoryQuery Current { get; private set; } = new();

    /// <summary>What the Download link exports: the page's filter (always current, it is a parameter) in the grid's last sort.</summary>
    protected HistoryQuery Exported => Filter with { Sort = Current.Sort, Descending = Current.Descending };

    /// <summary>Maps a grid column's property name to the history's sort column.</summary>
    protected abstract IReadOnlyDictionary<string, string> SortColumns { get; }

    /// <summary>Loads one page for <paramref name="query"/>.</summary>
    protected abstract Task<HistoryPage<T>> LoadPageAsync(HistoryQuery query, CancellationToken cancellationToken);

    /// <summary>The label of a connection id, for grids that show several connections.</summary>
    protected string LabelOf(Guid connectionId) => Connections.FirstOrDefault(c => c.Id == connectionId)?.Label ?? "";

    /// <summary>The grid's <c>ServerData</c>.</summary>
    protected Task<GridData<T>> LoadAsync(GridState<T> state) => LoadAsync(state, CancellationToken.None);

    /// <summary>The grid's <c>ServerData</c> (MudBlazor versions that pass a token).</summary>
    protected async Task<GridData<T>> LoadAsync(GridState<T> state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var query = ToQuery(Filter, state, SortColumns);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(lifetime.Token, cancellationToken);
        try
        {
            var page = await LoadPageAsync(query, linked.Token);
            Current = query;
            Totals = page.Totals;
            Problem = null;
            Loaded = true;
            return new GridData<T> { Items = page.Rows, TotalItems = page.TotalCount };
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            return new GridData<T> { Items = [], TotalItems = 0 };
        }
        catch (HistoryQueryException invalid)
        {
            Problem = invalid.Message;
        }
        catch (ConnectionNotFoundException)
        {
            Problem = "A connection in this filter is not yours or no longer exists. Clear the filter to see all your connections.";
        }
        catch (AccessDeniedException denied)
        {
            Problem = denied.Message;
        }
#pragma warning disable CA1031 // A grid must never take the circuit down: any fault becomes a notice.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            Logger.LogError(failure, "Loading a history page failed");
            Problem = "The history could not be loaded. Try again in a moment; if it keeps failing, the portal's log says why.";
        }

        Totals = HistoryTotals.Empty;
        Loaded = true;
        return new GridData<T> { Items = [], TotalItems = 0 };
    }

    /// <summary>The filter plus the grid's sort and page.</summary>
    public static HistoryQuery ToQuery(HistoryQuery filter, GridState<T> state, IReadOnlyDictionary<string, string> sortColumns)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(sortColumns);
        var sort = state.SortDefinitions.OrderBy(s => s.Index).FirstOrDefault();
        var column = sort is not null && sortColumns.TryGetValue(sort.SortBy, out var name) ? name : null;
        return filter with
        {
            Sort = column == HistoryQuery.TimeColumn ? null : column,
            Descending = column is null || sort!.Descending,
            Page = state.Page,
            PageSize = state.PageSize,
            After = null,
        };
    }

    protected override async Task OnParametersSetAsync()
    {
        var key = Filter.ToQueryString();
        if (loadedFilter is not null && (loadedFilter != key || loadedRevision != Revision) && Grid is not null)
        {
            var filterChanged = loadedFilter != key;
            loadedFilter = key;
            loadedRevision = Revision;
            if (filterChanged && Grid.CurrentPage != 0)
            {
                Grid.NavigateTo(MudBlazor.Page.First);
            }

            await Grid.ReloadServerData();
            return;
        }

        loadedFilter = key;
        loadedRevision = Revision;
    }

    /// <summary>Reloads the current page (after a sync or an order cancel).</summary>
    public async Task ReloadAsync()
    {
        if (Grid is not null)
        {
            await Grid.ReloadServerData();
        }
    }

    public void Dispose()
    {
        lifetime.Cancel();
        lifetime.Dispose();
        GC.SuppressFinalize(this);
    }
}

using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace AllexPortal.Web.Components.Charts;

/// <summary>
/// One ApexCharts chart. It is drawn after the first render (prerendered HTML holds only the empty
/// container), redrawn in place through <c>updateOptions</c>/<c>updateSeries</c> when <see cref="Options"/>
/// changes (a new options instance) or <see cref="UpdateAsync"/> is called, and destroyed on disposal so
/// the browser keeps no chart (and no listeners) for a component that is gone. The options travel as JSON text
/// (<see cref="ApexChartJson"/> says why).
/// </summary>
public sealed partial class ApexChart : IAsyncDisposable
{
    /// <summary>The interop module, relative to the base href.</summary>
    public const string ModulePath = "./js/apexcharts-interop.js";

    private ElementReference element;
    private IJSObjectReference? module;
    private ApexChartOptions? drawn;
    private bool disposed;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>What to draw. Required.</summary>
    [Parameter, EditorRequired]
    public ApexChartOptions Options { get; set; } = default!;

    /// <summary>CSS classes of the container. Default none.</summary>
    [Parameter]
    public string? Class { get; set; }

    /// <summary>The container's <c>data-testid</c>. Default none.</summary>
    [Parameter]
    public string? TestId { get; set; }

    /// <summary>Redraws the chart with <paramref name="options"/> without re-creating it.</summary>
    public async Task UpdateAsync(ApexChartOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        if (module is not null && !disposed)
        {
            drawn = options;
            await module.InvokeVoidAsync("update", element, ApexChartJson.Write(options));
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (disposed)
        {
            return;
        }

        if (firstRender)
        {
            module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            drawn = Options;
            await module.InvokeVoidAsync("render", element, ApexChartJson.Write(Options));
        }
        else if (module is not null && !ReferenceEquals(drawn, Options))
        {
            drawn = Options;
            await module.InvokeVoidAsync("update", element, ApexChartJson.Write(Options));
        }
    }

    public async ValueTask DisposeAsync()
    {
        disposed = true;
        if (module is null)
        {
            return;
        }

        try
        {
            await module.InvokeVoidAsync("destroy", element);
            await module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone and the browser with it: there is no chart left to destroy.
        }
    }
}

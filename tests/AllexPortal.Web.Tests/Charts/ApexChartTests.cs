using AllexPortal.Web.Components.Charts;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace AllexPortal.Web.Tests.Charts;

public sealed class ApexChartTests : BunitContext
{
    private static readonly ApexChartOptions Donut = new()
    {
        Kind = ApexChartKind.Donut,
        Labels = ["BTC", "ETH"],
        Values = [600m, 400m],
        ValueSuffix = "USDT",
        ThemeMode = ApexThemeMode.Dark,
    };

    private readonly BunitJSModuleInterop module;

    public ApexChartTests()
    {
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        module = JSInterop.SetupModule(ApexChart.ModulePath);
        module.SetupVoid("render", _ => true).SetVoidResult();
        module.SetupVoid("update", _ => true).SetVoidResult();
        module.SetupVoid("destroy", _ => true).SetVoidResult();
    }

    [Fact]
    public void First_render_draws_the_chart_with_the_given_options()
    {
        var chart = Render<ApexChart>(p => p.Add(c => c.Options, Donut).Add(c => c.TestId, "allocation"));

        var call = Assert.Single(module.Invocations["render"]);
        var json = Assert.IsType<string>(call.Arguments[1]);
        Assert.Equal(ApexChartJson.Write(Donut), json);
        Assert.Contains("\"kind\":\"donut\"", json, StringComparison.Ordinal);
        Assert.Equal([600m, 400m], ApexChartJson.Read(json).Values);
        Assert.Equal("donut", chart.Find("[data-testid=allocation]").GetAttribute("data-chart-kind"));
    }

    [Fact]
    public void New_options_update_the_drawn_chart_instead_of_drawing_another()
    {
        var chart = Render<ApexChart>(p => p.Add(c => c.Options, Donut));
        var changed = Donut with { Values = [500m, 500m] };

        chart.Render(p => p.Add(c => c.Options, changed));

        Assert.Single(module.Invocations["render"]);
        Assert.Equal(ApexChartJson.Write(changed), Assert.Single(module.Invocations["update"]).Arguments[1]);
    }

    [Fact]
    public void The_same_options_again_cause_no_update()
    {
        var chart = Render<ApexChart>(p => p.Add(c => c.Options, Donut));

        chart.Render(p => p.Add(c => c.Options, Donut));

        Assert.Empty(module.Invocations["update"]);
    }

    [Fact]
    public async Task Disposal_destroys_the_browser_chart()
    {
        var chart = Render<ApexChart>(p => p.Add(c => c.Options, Donut));

        await chart.Instance.DisposeAsync();

        Assert.Single(module.Invocations["destroy"]);
    }

    [Fact]
    public void Options_reach_the_browser_as_apexcharts_names()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(Donut, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));

        Assert.Contains("\"kind\":\"donut\"", json, StringComparison.Ordinal);
        Assert.Contains("\"themeMode\":\"dark\"", json, StringComparison.Ordinal);
        Assert.Contains("\"values\":[600,400]", json, StringComparison.Ordinal);
        Assert.Contains("\"valueSuffix\":\"USDT\"", json, StringComparison.Ordinal);
    }
}

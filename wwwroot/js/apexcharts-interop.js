// Typed bridge between the Blazor <ApexChart> component and ApexCharts 4.7.0 (MIT), which the build copies
// from npm into /lib/apexcharts/. The options arrive as JSON text of plain data (ApexChartOptions, written by
// ApexChartJson on the server); every function
// ApexCharts needs (formatters) is built here, so no script text ever comes from the server.
const charts = new WeakMap();
let library;

function loadLibrary() {
    if (window.ApexCharts) {
        return Promise.resolve(window.ApexCharts);
    }
    library ??= new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = new URL('../lib/apexcharts/apexcharts.min.js', import.meta.url).href;
        script.onload = () => resolve(window.ApexCharts);
        script.onerror = () => reject(new Error('ApexCharts could not be loaded.'));
        document.head.appendChild(script);
    });
    return library;
}

function formatter(options) {
    const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: options.decimals });
    const suffix = options.valueSuffix ? ` ${options.valueSuffix}` : '';
    return value => (typeof value === 'number' ? number.format(value) : value) + suffix;
}

function toApex(options) {
    const format = formatter(options);
    const common = {
        chart: {
            type: options.kind,
            height: options.height,
            background: 'transparent',
            fontFamily: 'inherit',
            toolbar: { show: false },
            zoom: { enabled: false },
            animations: { enabled: false },
        },
        theme: { mode: options.themeMode },
        grid: { borderColor: options.themeMode === 'dark' ? 'rgba(255, 255, 255, 0.12)' : 'rgba(0, 0, 0, 0.1)' },
        tooltip: { theme: options.themeMode, y: { formatter: format } },
        noData: { text: options.noDataText },
        ...(options.colors ? { colors: options.colors } : {}),
    };
    if (options.kind === 'donut') {
        const total = options.values.reduce((sum, value) => sum + value, 0);
        return {
            ...common,
            series: options.values,
            labels: options.labels,
            legend: { position: 'bottom' },
            dataLabels: { enabled: false },
            stroke: { width: 0 },
            plotOptions: {
                pie: { donut: { labels: { show: true, name: { fontSize: '13px' }, total: { show: true, label: 'Total', fontSize: '13px', formatter: () => format(total) }, value: { fontSize: '16px', formatter: v => format(Number(v)) } } } },
            },
        };
    }
    return {
        ...common,
        series: options.series.map(s => ({ name: s.name, data: s.points.map(p => [p.x, p.y]) })),
        xaxis: { type: 'datetime', labels: { datetimeUTC: false } },
        yaxis: { labels: { formatter: format } },
        dataLabels: { enabled: false },
        stroke: options.kind === 'bar' ? { width: 0 } : { curve: 'smooth', width: 2 },
        fill: options.kind === 'area' ? { type: 'gradient', gradient: { opacityFrom: 0.45, opacityTo: 0.05 } } : {},
        ...(options.kind === 'bar' ? { plotOptions: { bar: { columnWidth: '70%', colors: { ranges: options.negativeColor ? [{ from: -Number.MAX_VALUE, to: -Number.MIN_VALUE, color: options.negativeColor }] : [] } } } } : {}),
    };
}

export async function render(element, json) {
    const options = JSON.parse(json);
    const ApexCharts = await loadLibrary();
    if (!element.isConnected || charts.has(element)) {
        return;
    }
    const chart = new ApexCharts(element, toApex(options));
    charts.set(element, chart);
    await chart.render();
}

export async function update(element, json) {
    const chart = charts.get(element);
    if (!chart) {
        return render(element, json);
    }
    const options = JSON.parse(json);
    const { series, ...rest } = toApex(options);
    await chart.updateOptions(rest, false, false);
    await chart.updateSeries(series, false);
}

export function destroy(element) {
    const chart = charts.get(element);
    if (chart) {
        charts.delete(element);
        chart.destroy();
    }
}

using AllexPortal.Core.Assets;
using AllexPortal.Core.Tax;
using AllexPortal.Web.Access;
using AllexPortal.Web.Components.Charts;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.Reports;
using AllexPortal.Web.Teams;
using AllexPortal.Web.Theme;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace AllexPortal.Web.Components.Pages.Reports;

/// <summary>
/// The reports page: the user picks connections, a period, a method and a currency; the report is computed by
/// <see cref="ReportJobs"/> in the background (the click only queues it) while the page shows progress and a Cancel
/// button, then the summary, the chart, the warnings and the downloads. Loads only once interactive, like the
/// dashboard; a job still running when the user comes back is picked up again.
/// </summary>
public sealed partial class ReportsPage : IDisposable
{
    private readonly CancellationTokenSource lifetime = new();
    private readonly HashSet<Guid> selected = [];
    private readonly Dictionary<int, CostBasisMethod> yearMethods = [];
    private ReportChoices? choices;
    private ReportJob? job;
    private ComputedReport? report;
    private string? userId;
    private string? problem;
    private string? formError;
    private bool customRange;
    private bool aprilYear;
    private int year;
    private DateTime? rangeFrom;
    private DateTime? rangeTo;
    private CostBasisMethod method = CostBasisMethod.Fifo;
    private string currency = Asset.Usdt.Code;
    private UnknownCostBasisValuation unknownCostBasis = UnknownCostBasisValuation.MarketPrice;
    private int longTermDays = 365;
    private bool yearMethodsOpen;
    private ApexThemeMode themeMode = ApexThemeMode.Light;

    [Inject] private ReportLedger Ledger { get; set; } = default!;
    [Inject] private ReportJobs Jobs { get; set; } = default!;
    [Inject] private CurrentWorkspace Workspace { get; set; } = default!;
    [Inject] private UserManager<PortalUser> Users { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ILogger<ReportsPage> Logger { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The layout's current theme; the chart follows it.</summary>
    [CascadingParameter]
    private PortalTheme Theme { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        userId = Users.GetUserId((await AuthenticationState).User);
        await Workspace.LoadAsync(lifetime.Token);
        Workspace.Changed += OnWorkspaceChanged;
        await LoadChoicesAsync();
        if (userId is not null && Jobs.Current(userId) is { } existing)
        {
            Watch(existing);
        }
    }

    protected override void OnParametersSet() =>
        themeMode = Theme == PortalTheme.Dark ? ApexThemeMode.Dark : ApexThemeMode.Light;

    /// <summary>How the page names a cost-basis method.</summary>
    internal static string MethodName(CostBasisMethod option) => option switch
    {
        CostBasisMethod.Fifo => "FIFO",
        CostBasisMethod.Lifo => "LIFO",
        CostBasisMethod.Hifo => "HIFO",
        _ => "Average cost",
    };

    /// <summary>
    /// How the page names the methods of a request: the report's method, then any tax year that differs, such as
    /// <c>FIFO (2025: HIFO)</c>.
    /// </summary>
    internal static string MethodsName(ReportRequest request)
    {
        var overrides = request.EffectiveOverrides;
        return overrides.Count == 0
            ? MethodName(request.Method)
            : $"{MethodName(request.Method)} ({string.Join(", ", overrides.Select(o => $"{new TaxYear(o.Key, request.TaxYearStart)}: {MethodName(o.Value)}"))})";
    }

    private TaxYearStart YearStart => aprilYear && !customRange ? TaxYearStart.April6 : TaxYearStart.January1;

    /// <summary>
    /// The tax years a method can be chosen for: from the one holding the ledger's first calendar year to the last
    /// one the period reaches, each marked when it lies wholly before the period. None while the period is invalid.
    /// </summary>
    private IEnumerable<(TaxYear Year, bool BeforePeriod)> MethodYears
    {
        get
        {
            if (choices is not { Years.Count: > 0 } || Period() is not { } period)
            {
                yield break;
            }

            var start = YearStart;
            var first = TaxYear.Containing(new DateTimeOffset(choices.Years.Min(), 1, 1, 0, 0, 0, TimeSpan.Zero), start).StartYear;
            var last = TaxYear.Containing(period.LastInstant, start).StartYear;
            for (var startYear = Math.Min(first, last); startYear <= last; startYear++)
            {
                var taxYear = new TaxYear(startYear, start);
                yield return (taxYear, taxYear.End <= period.Start);
            }
        }
    }

    private string YearMethodsSummary
    {
        get
        {
            var differing = MethodYears.Where(y => MethodOf(y.Year) != method).Select(y => $"{y.Year}: {MethodName(MethodOf(y.Year))}").ToList();
            return differing.Count == 0 ? $"{MethodName(method)} in every year" : string.Join(", ", differing);
        }
    }

    private static string YearLabel(TaxYear taxYear, bool beforePeriod) =>
        beforePeriod ? $"{taxYear} (before the period)" : taxYear.ToString();

    private CostBasisMethod MethodOf(TaxYear taxYear) => yearMethods.GetValueOrDefault(taxYear.StartYear, method);

    private void SetYearMethod(TaxYear taxYear, CostBasisMethod chosen)
    {
        if (chosen == method)
        {
            yearMethods.Remove(taxYear.StartYear);
        }
        else
        {
            yearMethods[taxYear.StartYear] = chosen;
        }
    }

    private static string ConnectionLabel(ReportConnection connection) =>
        connection.HasLedger ? connection.Label : $"{connection.Label} (not synced yet)";

    private async Task LoadChoicesAsync()
    {
        if (userId is null)
        {
            return;
        }

        try
        {
            choices = await Ledger.ChoicesAsync(userId, Workspace.Id, lifetime.Token);
            problem = null;
            selected.Clear();
            selected.UnionWith(choices.Connections.Where(c => c.HasLedger).Select(c => c.Id));
            year = choices.Years.Count > 1 && choices.Years[0] == Time.GetUtcNow().Year ? choices.Years[1] : choices.Years[0];
            var today = Time.GetUtcNow().UtcDateTime.Date;
            rangeFrom ??= new DateTime(today.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            rangeTo ??= today;
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
        }
        catch (AccessDeniedException denied)
        {
            choices = null;
            problem = denied.Message;
        }
#pragma warning disable CA1031 // The page must never take the circuit down: any fault becomes a notice.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            Logger.LogError(failure, "Reports page could not load the ledger");
            problem = "Your ledger could not be read just now. Reload the page in a moment.";
        }
    }

    private void Toggle(Guid connectionId, bool on)
    {
        if (on)
        {
            selected.Add(connectionId);
        }
        else
        {
            selected.Remove(connectionId);
        }
    }

    private async Task ComputeAsync()
    {
        if (userId is null || choices is null)
        {
            return;
        }

        formError = null;
        if (Request() is not { } request)
        {
            return;
        }

        try
        {
            report = null;
            Watch(await Jobs.StartAsync(userId, request, lifetime.Token));
        }
        catch (ConnectionNotFoundException)
        {
            formError = "One of the chosen connections is no longer yours. The list has been reloaded.";
            await LoadChoicesAsync();
        }
        catch (AccessDeniedException denied)
        {
            formError = denied.Message;
        }
    }

    private ReportRequest? Request()
    {
        var ids = choices!.Connections.Where(c => selected.Contains(c.Id)).Select(c => c.Id).ToList();
        if (ids.Count == 0)
        {
            formError = "Choose at least one connection.";
            return null;
        }

        if (Period() is not { } period)
        {
            formError = "Choose a start date on or before the end date.";
            return null;
        }

        if (longTermDays is < 1 or > 36500)
        {
            formError = "The long-term threshold must be between 1 and 36,500 days.";
            return null;
        }

        var years = MethodYears.Select(y => y.Year.StartYear).ToHashSet();
        return new ReportRequest(ids, period, method)
        {
            Currency = new Asset(currency),
            UnknownCostBasis = unknownCostBasis,
            LongTermDays = longTermDays,
            TaxYearStart = YearStart,
            MethodByTaxYear = yearMethods.Where(o => years.Contains(o.Key) && o.Value != method).ToDictionary(),
        };
    }

    /// <summary>The chosen period, or <c>null</c> while a custom range is incomplete or ends before it starts.</summary>
    private ReportPeriod? Period()
    {
        if (!customRange)
        {
            return new TaxYear(year, YearStart).Period;
        }

        return rangeFrom is { } from && rangeTo is { } to && to.Date >= from.Date
            ? new ReportPeriod(Utc(from), Utc(to).AddDays(1))
            : null;
    }

    private static DateTimeOffset Utc(DateTime date) => new(date.Year, date.Month, date.Day, 0, 0, 0, TimeSpan.Zero);

    private void Watch(ReportJob started)
    {
        if (job is not null)
        {
            job.Changed -= OnJobChanged;
        }

        job = started;
        job.Changed += OnJobChanged;
        report = job.Result ?? report;
    }

    private void OnJobChanged(ReportJob changed) => _ = InvokeAsync(() =>
    {
        if (changed == job)
        {
            report = changed.Result ?? report;
            StateHasChanged();
        }
    });

    private void Cancel() => job?.Cancel();

    /// <summary>Another workspace was chosen: offer its connections; a report of the last one is not shown under this one.</summary>
    private void OnWorkspaceChanged() => _ = InvokeAsync(async () =>
    {
        report = null;
        choices = null;
        await LoadChoicesAsync();
        StateHasChanged();
    });

    public void Dispose()
    {
        Workspace.Changed -= OnWorkspaceChanged;
        if (job is not null)
        {
            job.Changed -= OnJobChanged;
        }

        lifetime.Cancel();
        lifetime.Dispose();
    }
}

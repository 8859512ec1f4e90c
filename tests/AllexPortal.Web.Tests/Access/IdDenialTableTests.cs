using System.Net;
using AllexPortal.Core.Tax;
using AllexPortal.Core.Portfolio;
using AllexPortal.Web.Access;
using AllexPortal.Web.Amounts;
using AllexPortal.Web.Audit;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.History;
using AllexPortal.Web.Ledger;
using AllexPortal.Web.Orders;
using AllexPortal.Web.Portfolio;
using AllexPortal.Web.Reports;
using AllexPortal.Web.Teams;
using AllexPortal.Web.Teams.Invitations;
using AllexPortal.Web.Trading;
using AllexPortal.Web.Wallet;
using AllexPortal.Web.Tests.Teams;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Tests.Access;

/// <summary>
/// Issue 9's table-driven denial test. Every public service method that takes an id a browser could send (found by
/// reflection, <see cref="IdTakingMethods"/>) must have a row here: a case in which an Owner of team A passes an id of
/// team B and is refused (<see cref="AccessDeniedException"/>, of which <see cref="ConnectionNotFoundException"/> is the
/// "no such id for you" kind; a lookup answers nothing), or a stated reason why no browser id ever reaches it. A new
/// such method without a row fails <see cref="Every_method_that_takes_an_id_has_a_row"/>; a row whose method is gone
/// fails it too. The HTTP endpoints a browser calls directly have rows of their own.
/// </summary>
public sealed class IdDenialTableTests(TeamsPortal portal) : IClassFixture<TeamsPortal>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Methods no id from a browser reaches, and why.</summary>
    private static readonly Dictionary<string, string> NotFromTheBrowser = new(StringComparer.Ordinal)
    {
        ["PortalAccess.RefuseAsync(String, String, PortalPermission, Guid?, String, CancellationToken)"] =
            "records a refusal another check decided; it grants nothing",
        ["AuditLog.RecordAsync(String, AuditAction, String, String, Guid?, CancellationToken)"] =
            "appends to the audit log; it reads and grants nothing",
        ["HistoryScope.LabelOf(Guid)"] = "looks a label up inside a scope HistoryService already checked",
        ["HistoryService.StreamTradesAsync(HistoryScope, HistoryQuery, CancellationToken)"] =
            "reads only the connections of its HistoryScope, which only HistoryService.ScopeAsync creates (internal constructor) after the check",
        ["HistoryService.StreamOrdersAsync(HistoryScope, HistoryQuery, CancellationToken)"] = "as StreamTradesAsync",
        ["HistoryService.StreamTransfersAsync(HistoryScope, TransferDirection, HistoryQuery, CancellationToken)"] = "as StreamTradesAsync",
        ["HistoryService.ExportTradesCsvAsync(HistoryScope, HistoryQuery, TextWriter, CancellationToken)"] = "as StreamTradesAsync",
        ["SnapshotStore.RecordAsync(Guid, DateTimeOffset, Decimal, IReadOnlyDictionary<String, Decimal>, ValuationSnapshotSource, TimeSpan, CancellationToken)"] =
            "called by PortfolioService and the snapshot scheduler for connections ConnectionService listed to them",
        ["SnapshotStore.IsBackfilledAsync(Guid, CancellationToken)"] = "as SnapshotStore.RecordAsync",
        ["SnapshotStore.BackfillAsync(Guid, IEnumerable<BalanceSnapshot>, CancellationToken)"] = "as SnapshotStore.RecordAsync",
        ["SnapshotStore.LatestAsync(Guid, CancellationToken)"] = "as SnapshotStore.RecordAsync",
        ["SnapshotStore.SeriesAsync(IReadOnlyCollection<Guid>, DateTimeOffset, CancellationToken)"] =
            "called by PortfolioService.HistoryAsync with the connections of an overview it loaded after the check",
        ["LedgerHoldings.CompleteAsOfAsync(Guid, CancellationToken)"] = "called by PortfolioService for connections it listed through ConnectionService",
        ["LedgerHoldings.EventsAsync(Guid, CancellationToken)"] = "as LedgerHoldings.CompleteAsOfAsync, and by LedgerBackfill",
        ["LedgerHoldings.CurrentAsync(Guid, CancellationToken)"] = "as LedgerHoldings.CompleteAsOfAsync",
        ["LedgerBackfill.BackfillAsync(Guid, CancellationToken)"] = "run by LedgerBackfillTrigger after a sync of that connection completed",
        ["ExplorerLinks.LinkFor(String, String, String)"] = "a public blockchain transaction id, not a portal id",
        ["ExchangeTwoFactor.EnableAsync(String, String, CancellationToken)"] =
            "its actorUserId is the signed-in user, only written to the audit log; it acts on that circuit's own exchange sign-in, with no portal id",
    };

    /// <summary>The refusal cases: an Owner of team A with ids of team B.</summary>
    private static readonly Dictionary<string, Func<Probe, Task<string?>>> Cases = new(StringComparer.Ordinal)
    {
        ["PortalAccess.DemandConnectionAsync(String, Guid, PortalPermission, CancellationToken)"] = p => Refused(() =>
            p.Get<PortalAccess>().DemandConnectionAsync(p.Actor, p.B.ConnectionId, PortalPermission.View, Token)),
        ["PortalAccess.DemandWorkspaceAsync(String, Guid?, PortalPermission, CancellationToken)"] = p => Refused(() =>
            p.Get<PortalAccess>().DemandWorkspaceAsync(p.Actor, p.B.Id, PortalPermission.View, Token)),
        ["PortalAccess.FindWorkspaceAsync(String, Guid?, CancellationToken)"] = async p =>
            await p.Get<PortalAccess>().FindWorkspaceAsync(p.Actor, p.B.Id, Token) is { } found ? $"found {found}" : null,
        ["PortalAccess.ConnectionsAsync(String, Guid?, PortalPermission, CancellationToken)"] = async p =>
            Nothing(await p.Get<PortalAccess>().ConnectionsAsync(p.Actor, p.B.Id, PortalPermission.View, Token)),

        ["ConnectionService.RotateAsync(String, Guid, String, String, Boolean, CancellationToken)"] = p => Refused(() =>
            p.Get<ConnectionService>().RotateAsync(p.Actor, p.B.ConnectionId, "key", "secret", false, Token)),
        ["ConnectionService.RenameAsync(String, Guid, String, CancellationToken)"] = p => Refused(() =>
            p.Get<ConnectionService>().RenameAsync(p.Actor, p.B.ConnectionId, "Taken over", Token)),
        ["ConnectionService.DeleteAsync(String, Guid, CancellationToken)"] = p => Refused(() =>
            p.Get<ConnectionService>().DeleteAsync(p.Actor, p.B.ConnectionId, Token)),
        ["ConnectionService.ListAsync(String, Guid?, CancellationToken)"] = p => Refused(() =>
            p.Get<ConnectionService>().ListAsync(p.Actor, p.B.Id, Token)),
        ["ConnectionService.OpenClientAsync(String, Guid, CancellationToken)"] = p => Refused(() =>
            p.Get<ConnectionService>().OpenClientAsync(p.Actor, p.B.ConnectionId, Token)),
        ["ConnectionService.OpenClientAsync(String, Guid, PortalPermission, CancellationToken)"] = p => Refused(() =>
            p.Get<ConnectionService>().OpenClientAsync(p.Actor, p.B.ConnectionId, PortalPermission.Trade, Token)),
        ["ConnectionService.RecordOutcomeAsync(String, Guid, String, CancellationToken)"] = p => Refused(() =>
            p.Get<ConnectionService>().RecordOutcomeAsync(p.Actor, p.B.ConnectionId, "broken", Token)),

        ["HistoryService.TradesAsync(String, HistoryQuery, CancellationToken)"] = p => RefusedEach(p, q =>
            p.Get<HistoryService>().TradesAsync(p.Actor, q, Token)),
        ["HistoryService.OrdersAsync(String, HistoryQuery, CancellationToken)"] = p => RefusedEach(p, q =>
            p.Get<HistoryService>().OrdersAsync(p.Actor, q, Token)),
        ["HistoryService.TransfersAsync(String, TransferDirection, HistoryQuery, CancellationToken)"] = p => RefusedEach(p, q =>
            p.Get<HistoryService>().TransfersAsync(p.Actor, TransferDirection.Deposit, q, Token)),
        ["HistoryService.FacetsAsync(String, Guid?, LedgerKind, CancellationToken)"] = p => Refused(() =>
            p.Get<HistoryService>().FacetsAsync(p.Actor, p.B.Id, LedgerKind.Trades, Token)),
        ["HistoryService.ScopeAsync(String, HistoryQuery, CancellationToken)"] = p => RefusedEach(p, q =>
            p.Get<HistoryService>().ScopeAsync(p.Actor, q, Token)),
        ["HistoryService.ScopeAsync(String, HistoryQuery, PortalPermission, CancellationToken)"] = p => RefusedEach(p, q =>
            p.Get<HistoryService>().ScopeAsync(p.Actor, q, PortalPermission.Export, Token)),
        ["ExchangeCsvPassthrough.ExportAsync(HttpContext, String, Guid, String, CancellationToken)"] = async p =>
            await Http(p, $"/history/exchange/{p.B.ConnectionId}/trades.csv") ?? await Http(p, $"/history/exchange/{p.B.ConnectionId}/trades.csv?workspace={p.B.Id}"),

        ["LedgerSyncCoordinator.StartAsync(String, Guid, CancellationToken)"] = p => Refused(() =>
            p.Get<LedgerSyncCoordinator>().StartAsync(p.Actor, p.B.ConnectionId, Token)),
        ["LedgerSyncCoordinator.CancelAsync(String, Guid, CancellationToken)"] = p => Refused(() =>
            p.Get<LedgerSyncCoordinator>().CancelAsync(p.Actor, p.B.ConnectionId, Token)),
        ["LedgerSyncCoordinator.SyncNowAsync(String, Guid, CancellationToken)"] = p => Refused(() =>
            p.Get<LedgerSyncCoordinator>().SyncNowAsync(p.Actor, p.B.ConnectionId, Token)),
        ["LedgerSyncCoordinator.StatusAsync(String, Guid?, CancellationToken)"] = p => Refused(() =>
            p.Get<LedgerSyncCoordinator>().StatusAsync(p.Actor, p.B.Id, Token)),

        ["OrderCancellation.TradableConnectionsAsync(String, Guid?, CancellationToken)"] = async p =>
            Nothing(await p.Get<OrderCancellation>().TradableConnectionsAsync(p.Actor, p.B.Id, Token)),
        ["OrderCancellation.CancelAsync(String, Guid, String, CancellationToken)"] = p => Refused(() =>
            p.Get<OrderCancellation>().CancelAsync(p.Actor, p.B.ConnectionId, "1234", Token)),
        ["OrderCancellation.CancelAllAsync(String, Guid, String, CancellationToken)"] = p => Refused(() =>
            p.Get<OrderCancellation>().CancelAllAsync(p.Actor, p.B.ConnectionId, "btc-usdt", Token)),

        ["ConnectionOpener.OpenAsync(String, Guid, PortalPermission, CancellationToken)"] = p => Refused(() =>
            p.Get<ConnectionOpener>().OpenAsync(p.Actor, p.B.ConnectionId, PortalPermission.View, Token)),
        ["ConnectionOpener.OpenForTradingAsync(String, Guid, CancellationToken)"] = p => Refused(() =>
            p.Get<ConnectionOpener>().OpenForTradingAsync(p.Actor, p.B.ConnectionId, Token)),
        ["ConnectionOpener.ListAsync(String, Guid?, CancellationToken)"] = async p =>
            Nothing(await p.Get<ConnectionOpener>().ListAsync(p.Actor, p.B.Id, Token)),
        ["ConnectionOpener.ExchangeOfAsync(String, Guid, CancellationToken)"] = p => Refused(() =>
            p.Get<ConnectionOpener>().ExchangeOfAsync(p.Actor, p.B.ConnectionId, Token)),
        ["OrderPlacement.ConnectionsAsync(String, Guid?, CancellationToken)"] = async p =>
            Nothing(await p.Get<OrderPlacement>().ConnectionsAsync(p.Actor, p.B.Id, Token)),
        ["OrderPlacement.PairsAsync(String, Guid, CancellationToken)"] = p => Refused(() =>
            p.Get<OrderPlacement>().PairsAsync(p.Actor, p.B.ConnectionId, Token)),
        ["OrderPlacement.OpenOrdersAsync(String, Guid, String, CancellationToken)"] = p => Refused(() =>
            p.Get<OrderPlacement>().OpenOrdersAsync(p.Actor, p.B.ConnectionId, "btc-usdt", Token)),
        ["OrderPlacement.OpenOrderActivityAsync(String, Guid, String, CancellationToken)"] = p => Refused(() =>
            p.Get<OrderPlacement>().OpenOrderActivityAsync(p.Actor, p.B.ConnectionId, "btc-usdt", Token)),
        ["QuickTradeDesk.PairsAsync(String, Guid, CancellationToken)"] = p => Refused(() =>
            p.Get<QuickTradeDesk>().PairsAsync(p.Actor, p.B.ConnectionId, Token)),
        ["QuickTradeDesk.QuoteAsync(String, Guid, String, String, Decimal, CancellationToken)"] = p => Refused(() =>
            p.Get<QuickTradeDesk>().QuoteAsync(p.Actor, p.B.ConnectionId, "usdt", "btc", 10m, Token)),
        ["DepositAddresses.ExistingAsync(String, Guid, CancellationToken)"] = p => Refused(() =>
            p.Get<DepositAddresses>().ExistingAsync(p.Actor, p.B.ConnectionId, Token)),

        ["PortfolioService.LoadAsync(String, Guid?, String, Decimal, CancellationToken)"] = p => Refused(() =>
            p.Get<PortfolioService>().LoadAsync(p.Actor, p.B.Id, "usdt", 0m, Token)),

        ["VisiblePortfolio.LoadAsync(String, Guid?, String, Decimal, CancellationToken)"] = p => Refused(() =>
            p.Get<VisiblePortfolio>().LoadAsync(p.Actor, p.B.Id, "usdt", 0m, Token)),
        ["VisiblePortfolio.IndexAsync(String, Guid?, PortfolioShares, HistoryRange, CancellationToken)"] = async p =>
        {
            await p.Get<SnapshotStore>().RecordAsync(p.B.ConnectionId, DateTimeOffset.UtcNow.AddDays(-1), 1234.5m, new Dictionary<string, decimal>(),
                ValuationSnapshotSource.Schedule, TimeSpan.Zero, Token);
            var bShares = new PortfolioShares("usdt", [new ConnectionShare(p.B.ConnectionId, "B", false, 1m, null, null, null)],
                AllocationShares.Empty("usdt"), [], DateTimeOffset.UtcNow);
            return await Refused(() => p.Get<VisiblePortfolio>().IndexAsync(p.Actor, p.B.Id, bShares, HistoryRange.Month, Token))
                ?? Nothing(await p.Get<VisiblePortfolio>().IndexAsync(p.Actor, p.A, bShares, HistoryRange.Month, Token));
        },
        ["HistoryWithoutAmounts.TradesAsync(String, HistoryQuery, CancellationToken)"] = p => RefusedEach(p, q =>
            p.Get<HistoryWithoutAmounts>().TradesAsync(p.Actor, q, Token)),
        ["HistoryWithoutAmounts.OrdersAsync(String, HistoryQuery, CancellationToken)"] = p => RefusedEach(p, q =>
            p.Get<HistoryWithoutAmounts>().OrdersAsync(p.Actor, q, Token)),
        ["HistoryWithoutAmounts.TransfersAsync(String, TransferDirection, HistoryQuery, CancellationToken)"] = p => RefusedEach(p, q =>
            p.Get<HistoryWithoutAmounts>().TransfersAsync(p.Actor, TransferDirection.Deposit, q, Token)),

        ["ReportLedger.ChoicesAsync(String, Guid?, CancellationToken)"] = p => Refused(() =>
            p.Get<ReportLedger>().ChoicesAsync(p.Actor, p.B.Id, Token)),
        ["ReportLedger.OwnedAsync(String, IReadOnlyList<Guid>, CancellationToken)"] = p => Refused(() =>
            p.Get<ReportLedger>().OwnedAsync(p.Actor, [p.AConnectionId, p.B.ConnectionId], Token)),
        ["ReportJobs.StartAsync(String, ReportRequest, CancellationToken)"] = p => Refused(() =>
            p.Get<ReportJobs>().StartAsync(p.Actor, p.BReport.Request, Token)),
        ["ReportCache.Find(String, ReportRequest, LedgerStamp)"] = p =>
            Task.FromResult(p.Get<ReportCache>().Find(p.Actor, p.BReport.Request, p.BReport.Stamp) is null ? null : "found B's report"),
        ["ReportCache.Get(String, Guid)"] = p =>
            Task.FromResult(p.Get<ReportCache>().Get(p.Actor, p.BReport.Id) is null ? null : "got B's report"),

        ["WorkspaceService.RenameAsync(String, Guid, String, CancellationToken)"] = p => Refused(() =>
            p.Get<WorkspaceService>().RenameAsync(p.Actor, p.B.Id, "Ours now", Token)),
        ["WorkspaceService.MembersAsync(String, Guid, CancellationToken)"] = p => Refused(() =>
            p.Get<WorkspaceService>().MembersAsync(p.Actor, p.B.Id, Token)),
        ["WorkspaceService.ChangeRoleAsync(String, Guid, String, WorkspaceRole, CancellationToken)"] = async p =>
            await Refused(() => p.Get<WorkspaceService>().ChangeRoleAsync(p.Actor, p.B.Id, p.BMember, WorkspaceRole.Owner, Token))
            ?? await Refused(() => p.Get<WorkspaceService>().ChangeRoleAsync(p.Actor, p.A, p.BMember, WorkspaceRole.Owner, Token)),
        ["WorkspaceService.RemoveMemberAsync(String, Guid, String, CancellationToken)"] = async p =>
            await Refused(() => p.Get<WorkspaceService>().RemoveMemberAsync(p.Actor, p.B.Id, p.BMember, Token))
            ?? await Refused(() => p.Get<WorkspaceService>().RemoveMemberAsync(p.Actor, p.A, p.BMember, Token)),
        ["WorkspaceService.LeaveAsync(String, Guid, CancellationToken)"] = p => Refused(() =>
            p.Get<WorkspaceService>().LeaveAsync(p.Actor, p.B.Id, Token)),
        ["WorkspaceService.MoveConnectionAsync(String, Guid, Guid?, CancellationToken)"] = async p =>
            await Refused(() => p.Get<WorkspaceService>().MoveConnectionAsync(p.Actor, p.B.ConnectionId, p.A, Token))
            ?? await Refused(() => p.Get<WorkspaceService>().MoveConnectionAsync(p.Actor, p.AConnectionId, p.B.Id, Token)),

        ["CurrentWorkspace.SwitchAsync(Guid?)"] = p => Refused(() => p.Circuit().SwitchAsync(p.B.Id)),

        ["TeamInvitations.InviteAsync(String, Guid, String, WorkspaceRole, Uri, TimeSpan?, CancellationToken)"] = p => Refused(() =>
            p.Get<TeamInvitations>().InviteAsync(p.Actor, p.B.Id, $"friend-{Guid.NewGuid():N}@example.com", WorkspaceRole.Viewer, new Uri("http://portal.example/"), null, Token)),
        ["TeamInvitations.PendingAsync(String, Guid, CancellationToken)"] = p => Refused(() =>
            p.Get<TeamInvitations>().PendingAsync(p.Actor, p.B.Id, Token)),
        ["TeamInvitations.RevokeAsync(String, Guid, CancellationToken)"] = async p =>
        {
            var invitations = p.Get<TeamInvitations>();
            var sent = await invitations.InviteAsync(
                p.B.Keyholder.Id, p.B.Id, $"invitee-{Guid.NewGuid():N}@example.com", WorkspaceRole.Viewer, new Uri("http://portal.example/"), null, Token);
            return await Refused(() => invitations.RevokeAsync(p.Actor, sent.Id, Token));
        },
        ["AuditReader.ReadAsync(String, Guid?, AuditQuery, CancellationToken)"] = p => Refused(() =>
            p.Get<AuditReader>().ReadAsync(p.Actor, p.B.Id, new AuditQuery(), Token)),
        ["AuditReader.PrepareExportAsync(String, Guid?, AuditQuery, CancellationToken)"] = p => Refused(() =>
            p.Get<AuditReader>().PrepareExportAsync(p.Actor, p.B.Id, new AuditQuery(), Token)),

        ["GET /history/{kind}.csv"] = async p =>
            await Http(p, $"/history/trades.csv?workspace={p.B.Id}") ?? await Http(p, $"/history/orders.csv?connection={p.B.ConnectionId}"),
        ["GET /reports/files/{reportId}/{file}"] = async p =>
            await Http(p, ReportDownloads.PathFor(p.BReport.Id, ReportFile.CapitalGains, null))
            ?? await Http(p, ReportDownloads.PathFor(p.BReport.Id, ReportFile.CapitalGains, p.B.Id)),
        ["GET /audit/export.csv"] = p => Http(p, AuditExportEndpoints.ExportPath(p.B.Id, new AuditQuery())),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_method_that_takes_an_id_has_a_row()
    {
        var reflected = IdTakingMethods.All();
        var rows = Cases.Keys.Where(k => !k.StartsWith("GET ", StringComparison.Ordinal)).Concat(NotFromTheBrowser.Keys).ToList();

        var missing = reflected.Except(rows).Order(StringComparer.Ordinal).ToList();
        var stale = rows.Except(reflected).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0 && stale.Count == 0,
            $"Methods without a denial case or a reason:\n  {string.Join("\n  ", missing)}\nRows for methods that no longer exist:\n  {string.Join("\n  ", stale)}");
        Assert.Empty(Cases.Keys.Intersect(NotFromTheBrowser.Keys));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task An_owner_of_team_A_using_an_id_of_team_B_is_refused(string method)
    {
        await using var probe = await Probe.CreateAsync(portal);

        var leaked = await Cases[method](probe);

        Assert.True(leaked is null, $"{method}: {leaked}");
    }

    private static async Task<string?> Refused(Func<Task> action)
    {
        try
        {
            await action();
            return "returned normally";
        }
        catch (AccessDeniedException)
        {
            return null;
        }
    }

    /// <summary>Refused whether team B's connection arrives as the query's workspace or as a connection in the actor's own.</summary>
    private static async Task<string?> RefusedEach(Probe p, Func<HistoryQuery, Task> read) =>
        await Refused(() => read(new HistoryQuery { Workspace = p.B.Id }))
        ?? await Refused(() => read(new HistoryQuery { Workspace = p.A, Connections = [p.B.ConnectionId] }))
        ?? await Refused(() => read(new HistoryQuery { Connections = [p.B.ConnectionId] }));

    private static string? Nothing<T>(IEnumerable<T> items) => items.Any() ? $"{items.Count()} items" : null;

    private static async Task<string?> Http(Probe p, string path)
    {
        using var response = await p.Client.GetAsync(path);
        return response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound ? null : $"GET {path} answered {(int)response.StatusCode}";
    }

    /// <summary>
    /// Two teams: A, whose Owner acts (signed in over HTTP too) and has a connection of their own in it; and B, with a
    /// shared trading connection, a Viewer, and a report its keyholder computed.
    /// </summary>
    public sealed class Probe : IAsyncDisposable
    {
        private readonly AsyncServiceScope scope;

        private Probe(AsyncServiceScope scope, string actor, Guid a, Guid aConnection, Team b, ComputedReport bReport, Infrastructure.PortalClient client)
        {
            this.scope = scope;
            Actor = actor;
            A = a;
            AConnectionId = aConnection;
            B = b;
            BReport = bReport;
            Client = client;
        }

        public string Actor { get; }

        public Guid A { get; }

        public Guid AConnectionId { get; }

        public Team B { get; }

        public string BMember => B.Member(WorkspaceRole.Viewer).Id;

        public ComputedReport BReport { get; }

        public Infrastructure.PortalClient Client { get; }

        public static async Task<Probe> CreateAsync(TeamsPortal portal)
        {
            var b = await portal.TeamAsync("Team B", WorkspaceRole.Viewer);
            var a = await portal.TeamAsync("Team A");
            var scope = portal.Services.CreateAsyncScope();
            var job = await scope.ServiceProvider.GetRequiredService<ReportJobs>().StartAsync(
                b.Keyholder.Id, new ReportRequest([b.ConnectionId], new TaxYear(2025).Period, CostBasisMethod.Fifo), Token);
            await job.Finished.WaitAsync(TimeSpan.FromSeconds(60), Token);
            return new Probe(scope, a.Keyholder.Id, a.Id, a.ConnectionId, b, job.Result!, await portal.SignedInAsync(a.Keyholder));
        }

        public T Get<T>()
            where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

        /// <summary>The actor's circuit state, as the app bar's switcher would use it.</summary>
        public CurrentWorkspace Circuit() => new(
            new SignedInAs(Actor), Get<PortalAccess>(), Get<IDbContextFactory<PortalDb>>(), Get<IOptions<IdentityOptions>>());

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await scope.DisposeAsync();
        }
    }
}

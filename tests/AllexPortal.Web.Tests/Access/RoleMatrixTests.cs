using System.Net;
using AllexPortal.Core.Tax;
using AllexPortal.Web.Access;
using AllexPortal.Web.Connections;
using AllexPortal.Web.History;
using AllexPortal.Web.Ledger;
using AllexPortal.Web.Orders;
using AllexPortal.Web.Portfolio;
using AllexPortal.Web.Reports;
using AllexPortal.Web.Teams;
using AllexPortal.Web.Tests.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Access;

/// <summary>
/// The role table of docs/teams.md, action by action, through the services and the HTTP endpoints a browser reaches
/// (real SQLite, the sandbox over loopback HTTP). Each row is one role trying one action on a team's shared, trading
/// connection that is not their key (the keyholder is another Owner), so only the role decides.
/// </summary>
public sealed class RoleMatrixTests(TeamsPortal portal) : IClassFixture<TeamsPortal>
{
    public enum TeamAction
    {
        ViewDashboard,
        ViewAmounts,
        ExportCsv,
        DownloadReport,
        PlaceOrder,
        CancelOrder,
        Sync,
        ManageConnections,
        ManageMembers,
        ViewAudit,
    }

    /// <summary>docs/teams.md's table, written out: role, action, allowed.</summary>
    public static TheoryData<WorkspaceRole, TeamAction, bool> Table()
    {
        var allowed = new Dictionary<WorkspaceRole, TeamAction[]>
        {
            [WorkspaceRole.Owner] = Enum.GetValues<TeamAction>(),
            [WorkspaceRole.Trader] =
            [
                TeamAction.ViewDashboard, TeamAction.ViewAmounts, TeamAction.ExportCsv, TeamAction.DownloadReport,
                TeamAction.PlaceOrder, TeamAction.CancelOrder,
            ],
            [WorkspaceRole.Viewer] = [TeamAction.ViewDashboard, TeamAction.ViewAmounts, TeamAction.ExportCsv, TeamAction.DownloadReport],
            [WorkspaceRole.ViewerWithoutAmounts] = [TeamAction.ViewDashboard],
        };
        var rows = new TheoryData<WorkspaceRole, TeamAction, bool>();
        foreach (var (role, actions) in allowed)
        {
            foreach (var action in Enum.GetValues<TeamAction>())
            {
                rows.Add(role, action, actions.Contains(action));
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Each_role_may_do_exactly_what_the_table_says(WorkspaceRole role, TeamAction action, bool allowed)
    {
        var team = await portal.TeamAsync($"Matrix {role} {action}", role, WorkspaceRole.Viewer);
        var member = team.Members[0].User;

        var outcome = await TryAsync(team, member, action);

        Assert.True(allowed == outcome.Allowed, $"{role} {action}: expected {(allowed ? "allowed" : "denied")}, was {outcome.Detail}");
    }

    private async Task<(bool Allowed, string Detail)> TryAsync(Team team, TeamUser member, TeamAction action)
    {
        var token = TestContext.Current.CancellationToken;
        await using var scope = portal.Services.CreateAsyncScope();
        try
        {
            switch (action)
            {
                case TeamAction.ViewDashboard:
                    var overview = await portal.Get<PortfolioService>(scope).LoadAsync(member.Id, team.Id, "usdt", 0m, token);
                    Assert.Equal([team.ConnectionId], overview.Connections.Select(c => c.Connection.Id));
                    break;
                case TeamAction.ViewAmounts:
                    // The AMOUNTS branch strips amounts from the view models on this decision.
                    await portal.Get<PortalAccess>(scope).DemandWorkspaceAsync(member.Id, team.Id, PortalPermission.ViewAmounts, token);
                    break;
                case TeamAction.ExportCsv:
                    return await HttpAsync(member, $"{HistoryExportEndpoints.Prefix}/trades.csv?workspace={team.Id}");
                case TeamAction.DownloadReport:
                    var job = await portal.Get<ReportJobs>(scope).StartAsync(
                        member.Id, new ReportRequest([team.ConnectionId], new TaxYear(2025).Period, CostBasisMethod.Fifo), token);
                    await job.Finished.WaitAsync(TimeSpan.FromSeconds(60), token);
                    Assert.Equal(ReportJobStatus.Completed, job.Status);
                    return await HttpAsync(member, ReportDownloads.PathFor(job.Result!.Id, ReportFile.CapitalGains, team.Id));
                case TeamAction.PlaceOrder:
                    // Order placement (TRADE) opens its client with the Trade permission, as here.
                    await portal.Get<ConnectionService>(scope).OpenClientAsync(member.Id, team.ConnectionId, PortalPermission.Trade, token);
                    break;
                case TeamAction.CancelOrder:
                    var result = await portal.Get<OrderCancellation>(scope).CancelAsync(member.Id, team.ConnectionId, "no-such-order", token);
                    Assert.Equal(OrderCancelOutcome.NotFound, result.Outcome);
                    break;
                case TeamAction.Sync:
                    var coordinator = portal.Services.GetRequiredService<LedgerSyncCoordinator>();
                    await coordinator.StartAsync(member.Id, team.ConnectionId, token);
                    await coordinator.CancelAsync(member.Id, team.ConnectionId, token);
                    break;
                case TeamAction.ManageConnections:
                    await portal.Get<ConnectionService>(scope).RenameAsync(member.Id, team.ConnectionId, $"Renamed by {member.Email}", token);
                    break;
                case TeamAction.ManageMembers:
                    var target = team.Members[1].User;
                    await portal.Get<WorkspaceService>(scope).ChangeRoleAsync(member.Id, team.Id, target.Id, WorkspaceRole.ViewerWithoutAmounts, token);
                    break;
                case TeamAction.ViewAudit:
                    await portal.Get<PortalAccess>(scope).DemandWorkspaceAsync(member.Id, team.Id, PortalPermission.ViewAudit, token);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(action), action, null);
            }

            return (true, "allowed");
        }
        catch (AccessDeniedException denied)
        {
            return (false, $"denied: {denied.Message}");
        }
    }

    private async Task<(bool Allowed, string Detail)> HttpAsync(TeamUser member, string path)
    {
        using var client = await portal.SignedInAsync(member);
        using var response = await client.GetAsync(path);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => (true, "200"),
            HttpStatusCode.Forbidden => (false, "403"),
            var other => throw new InvalidOperationException($"GET {path} answered {(int)other}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}"),
        };
    }
}

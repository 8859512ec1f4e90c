using System.Net;
using AllexPortal.Core.Tax;
using AllexPortal.Web.Access;
using AllexPortal.Web.Audit;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Reports;
using AllexPortal.Web.Teams;
using AllexPortal.Web.Tests.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Access;

/// <summary>What a refusal leaves behind (an audit entry, never a secret) and refusals decided at download time.</summary>
public sealed class DenialRecordTests(TeamsPortal portal) : IClassFixture<TeamsPortal>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_role_refusal_is_audited_in_the_team_with_the_permission_and_no_secret()
    {
        var team = await portal.TeamAsync("Audited", WorkspaceRole.Viewer);
        var viewer = team.Member(WorkspaceRole.Viewer);
        await using var scope = portal.Services.CreateAsyncScope();

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            portal.Get<ConnectionService>(scope).OpenClientAsync(viewer.Id, team.ConnectionId, PortalPermission.Trade, Token));

        Assert.Equal(PortalPermission.Trade, refused.Permission);
        Assert.Contains("Viewer", refused.Message, StringComparison.Ordinal);
        await using var db = await portal.DbAsync();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == AuditAction.AccessDenied && e.ActorUserId == viewer.Id, Token);
        Assert.Equal((team.Id, $"connection {team.ConnectionId}"), (entry.WorkspaceId, entry.Subject));
        Assert.StartsWith("Trade", entry.Detail, StringComparison.Ordinal);
        var secret = portal.Sandbox.Options.Demo.ApiSecret;
        Assert.DoesNotContain(secret, $"{entry.Subject} {entry.Detail} {refused.Message}", StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outsiders_probe_is_audited_in_no_teams_log()
    {
        var team = await portal.TeamAsync("Probed");
        var outsider = await portal.NewPersonAsync("outsider");
        await using var scope = portal.Services.CreateAsyncScope();

        await Assert.ThrowsAsync<ConnectionNotFoundException>(() =>
            portal.Get<PortalAccess>(scope).DemandConnectionAsync(outsider.Id, team.ConnectionId, PortalPermission.View, Token));

        await using var db = await portal.DbAsync();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == AuditAction.AccessDenied && e.ActorUserId == outsider.Id, Token);
        Assert.Null(entry.WorkspaceId);
    }

    [Fact]
    public async Task A_report_download_is_refused_once_the_role_no_longer_allows_export()
    {
        var team = await portal.TeamAsync("Narrowed", WorkspaceRole.Viewer);
        var viewer = team.Member(WorkspaceRole.Viewer);
        await using var scope = portal.Services.CreateAsyncScope();
        var job = await portal.Get<ReportJobs>(scope).StartAsync(
            viewer.Id, new ReportRequest([team.ConnectionId], new TaxYear(2025).Period, CostBasisMethod.Fifo), Token);
        await job.Finished.WaitAsync(TimeSpan.FromSeconds(60), Token);
        var path = ReportDownloads.PathFor(job.Result!.Id, ReportFile.Lots, team.Id);
        using var client = await portal.SignedInAsync(viewer);
        using (var before = await client.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await portal.Get<WorkspaceService>(scope).ChangeRoleAsync(team.Keyholder.Id, team.Id, viewer.Id, WorkspaceRole.ViewerWithoutAmounts, Token);
        using var after = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
    }

    [Fact]
    public async Task A_teams_csv_export_reads_the_teams_connections_not_the_users_own()
    {
        var team = await portal.TeamAsync("Exporters", WorkspaceRole.Viewer);
        var viewer = team.Member(WorkspaceRole.Viewer);
        await portal.NewConnectionAsync(viewer.Id, "Viewer's own account");
        using var client = await portal.SignedInAsync(viewer);

        using var response = await client.GetAsync($"/history/trades.csv?workspace={team.Id}&connection={team.ConnectionId}");
        using var foreign = await client.GetAsync($"/history/trades.csv?connection={team.ConnectionId}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (response.StatusCode, foreign.StatusCode));
    }
}

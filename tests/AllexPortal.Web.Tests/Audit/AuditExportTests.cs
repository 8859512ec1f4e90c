using System.Net;
using AllexPortal.Web.Audit;
using AllexPortal.Web.Teams;
using AllexPortal.Web.Tests.Infrastructure;
using AllexPortal.Web.Tests.Invitations;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Audit;

/// <summary><c>GET /audit/export.csv</c> over real HTTP, signed in through the real sign-in page.</summary>
public sealed class AuditExportTests(TimedTeamsPortal portal) : IClassFixture<TimedTeamsPortal>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_export_neutralises_cells_a_spreadsheet_would_run_as_formulas()
    {
        var (team, owner) = await portal.NewTeamAsync();
        await RecordAsync(owner, AuditAction.ConnectionAdded, "=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", team);
        using var client = await SignedInAsync(owner);

        var csv = await GetCsvAsync(client, AuditExportEndpoints.ExportPath(team, new AuditQuery { Action = AuditAction.ConnectionAdded }));

        var lines = csv.TrimEnd().Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        Assert.Equal("Time (UTC),Actor,Action,Subject,Detail,IP address", lines[0]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"", lines[1], StringComparison.Ordinal);
        Assert.Contains(",'+cmd|' /C calc'!A0,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_holds_exactly_the_filtered_entries_and_is_itself_logged()
    {
        var (team, owner) = await portal.NewTeamAsync();
        await RecordAsync(owner, AuditAction.ConnectionAdded, "kept", null, team);
        await RecordAsync(owner, AuditAction.ConnectionRemoved, "filtered out", null, team);
        using var client = await SignedInAsync(owner);

        var csv = await GetCsvAsync(client, AuditExportEndpoints.ExportPath(team, new AuditQuery { Action = AuditAction.ConnectionAdded }));

        Assert.Contains(",kept,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("filtered out", csv, StringComparison.Ordinal);
        var logged = (await portal.AuditOfAsync(AuditAction.ExportDownloaded)).Where(e => e.WorkspaceId == team).ToList();
        var entry = Assert.Single(logged);
        Assert.Equal(owner, entry.ActorUserId);
        Assert.Contains("audit log, 1 entries", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_is_refused_the_export_with_403()
    {
        var (team, owner) = await portal.NewTeamAsync();
        var viewer = await portal.NewMemberAsync(team, owner, WorkspaceRole.Viewer);
        using var client = await SignedInAsync(viewer.Id);

        using var response = await client.GetAsync(AuditExportEndpoints.ExportPath(team, new AuditQuery()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains((await portal.AuditOfAsync(AuditAction.AccessDenied)), e => e.ActorUserId == viewer.Id && e.WorkspaceId == team);
    }

    [Fact]
    public async Task An_invalid_filter_is_answered_with_400()
    {
        var me = await portal.NewPersonAsync();
        using var client = await SignedInAsync(me.Id);

        using var response = await client.GetAsync(AuditExportEndpoints.Path + "?action=Teleported");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task RecordAsync(string actor, AuditAction action, string subject, string? detail, Guid team)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(actor, action, subject, detail, team, Token);
    }

    private async Task<PortalClient> SignedInAsync(string userId)
    {
        await using var db = await portal.CreateDbAsync();
        var email = db.Users.Single(u => u.Id == userId).Email!;
        var client = portal.CreateListeningClient();
        using var response = await client.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task<string> GetCsvAsync(PortalClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync(Token);
    }
}

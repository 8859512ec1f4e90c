using AllexPortal.Web.Access;
using AllexPortal.Web.Audit;
using AllexPortal.Web.Teams;
using AllexPortal.Web.Tests.Invitations;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Audit;

/// <summary>Reading the audit log through <see cref="AuditReader"/>: filters, paging, and who may read which log.</summary>
public sealed class AuditReaderTests(TimedTeamsPortal portal) : IClassFixture<TimedTeamsPortal>, IAsyncDisposable
{
    private readonly AsyncServiceScope scope = portal.Services.CreateAsyncScope();

    private AuditReader Reader => scope.ServiceProvider.GetRequiredService<AuditReader>();

    private AuditLog Log => scope.ServiceProvider.GetRequiredService<AuditLog>();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_action_filter_selects_only_that_action()
    {
        var (team, owner) = await portal.NewTeamAsync();
        await Log.RecordAsync(owner, AuditAction.ConnectionAdded, "Main", workspaceId: team, cancellationToken: Token);
        await Log.RecordAsync(owner, AuditAction.OrderCancelled, "order 1", workspaceId: team, cancellationToken: Token);

        var page = await Reader.ReadAsync(owner, team, new AuditQuery { Action = AuditAction.OrderCancelled }, Token);

        Assert.Equal(["order 1"], page.Rows.Select(r => r.Subject));
    }

    [Fact]
    public async Task The_actor_filter_matches_part_of_the_email_in_any_case()
    {
        var (team, owner) = await portal.NewTeamAsync();
        var trader = await portal.NewMemberAsync(team, owner, WorkspaceRole.Trader);
        await Log.RecordAsync(owner, AuditAction.ConnectionAdded, "by owner", workspaceId: team, cancellationToken: Token);
        await Log.RecordAsync(trader.Id, AuditAction.OrderPlaced, "by trader", workspaceId: team, cancellationToken: Token);

        var page = await Reader.ReadAsync(owner, team, new AuditQuery { Actor = trader.Email[..12].ToUpperInvariant() }, Token);

        Assert.Equal(["by trader"], page.Rows.Select(r => r.Subject));
        Assert.Equal(trader.Email, page.Rows.Single().ActorEmail);
    }

    [Fact]
    public async Task The_date_range_includes_its_start_and_excludes_its_end()
    {
        var (team, owner) = await portal.NewTeamAsync();
        var start = portal.Clock.GetUtcNow();
        await Log.RecordAsync(owner, AuditAction.ConnectionAdded, "at start", workspaceId: team, cancellationToken: Token);
        portal.Clock.Advance(TimeSpan.FromHours(1));
        await Log.RecordAsync(owner, AuditAction.ConnectionAdded, "an hour later", workspaceId: team, cancellationToken: Token);
        portal.Clock.Advance(TimeSpan.FromHours(1));
        await Log.RecordAsync(owner, AuditAction.ConnectionAdded, "at end", workspaceId: team, cancellationToken: Token);

        var page = await Reader.ReadAsync(owner, team, new AuditQuery { Action = AuditAction.ConnectionAdded, From = start, To = start.AddHours(2) }, Token);

        Assert.Equal(["an hour later", "at start"], page.Rows.Select(r => r.Subject));
    }

    [Fact]
    public async Task The_text_filter_searches_subject_detail_and_address()
    {
        var (team, owner) = await portal.NewTeamAsync();
        await Log.RecordAsync(owner, AuditAction.OrderPlaced, "BTC-USDT buy", "limit", workspaceId: team, cancellationToken: Token);
        await Log.RecordAsync(owner, AuditAction.OrderPlaced, "ETH-USDT buy", "note: Rebalance", workspaceId: team, cancellationToken: Token);
        await Log.RecordAsync(owner, AuditAction.OrderPlaced, "XRP-USDT sell", "market", workspaceId: team, cancellationToken: Token);

        var bySubject = await Reader.ReadAsync(owner, team, new AuditQuery { Text = "btc" }, Token);
        var byDetail = await Reader.ReadAsync(owner, team, new AuditQuery { Text = "REBALANCE" }, Token);

        Assert.Equal(["BTC-USDT buy"], bySubject.Rows.Select(r => r.Subject));
        Assert.Equal(["ETH-USDT buy"], byDetail.Rows.Select(r => r.Subject));
    }

    [Fact]
    public async Task Pages_are_cut_on_the_server_newest_first_with_the_total_count()
    {
        var (team, owner) = await portal.NewTeamAsync();
        for (var i = 1; i <= 25; i++)
        {
            await Log.RecordAsync(owner, AuditAction.ExportDownloaded, $"file {i}", workspaceId: team, cancellationToken: Token);
        }

        var second = await Reader.ReadAsync(owner, team, new AuditQuery { Action = AuditAction.ExportDownloaded, PageSize = 10, Page = 1 }, Token);

        Assert.Equal(25, second.TotalCount);
        Assert.Equal(Enumerable.Range(6, 10).Reverse().Select(i => $"file {i}"), second.Rows.Select(r => r.Subject));
    }

    [Fact]
    public async Task A_team_log_holds_only_that_teams_entries()
    {
        var (team, owner) = await portal.NewTeamAsync();
        var other = await portal.NewTeamAsync("Other");
        await Log.RecordAsync(owner, AuditAction.ConnectionAdded, "ours", workspaceId: team, cancellationToken: Token);
        await Log.RecordAsync(other.OwnerId, AuditAction.ConnectionAdded, "theirs", workspaceId: other.TeamId, cancellationToken: Token);
        await Log.RecordAsync(owner, AuditAction.SignedIn, "personal", cancellationToken: Token);

        var page = await Reader.ReadAsync(owner, team, new AuditQuery { Action = AuditAction.ConnectionAdded }, Token);

        Assert.Equal(["ours"], page.Rows.Select(r => r.Subject));
    }

    [Fact]
    public async Task A_personal_log_holds_only_the_users_own_entries_outside_teams()
    {
        var me = await portal.NewPersonAsync();
        var someoneElse = await portal.NewPersonAsync();
        var (team, _) = await portal.NewTeamAsync();
        await Log.RecordAsync(me.Id, AuditAction.ConnectionAdded, "mine", cancellationToken: Token);
        await Log.RecordAsync(me.Id, AuditAction.ConnectionAdded, "in a team", workspaceId: team, cancellationToken: Token);
        await Log.RecordAsync(someoneElse.Id, AuditAction.ConnectionAdded, "not mine", cancellationToken: Token);

        var page = await Reader.ReadAsync(me.Id, null, new AuditQuery(), Token);

        Assert.Equal(["mine"], page.Rows.Select(r => r.Subject));
    }

    [Theory]
    [InlineData(WorkspaceRole.Trader)]
    [InlineData(WorkspaceRole.Viewer)]
    [InlineData(WorkspaceRole.ViewerWithoutAmounts)]
    public async Task Only_owners_read_a_teams_log(WorkspaceRole role)
    {
        var (team, owner) = await portal.NewTeamAsync();
        var member = await portal.NewMemberAsync(team, owner, role);
        await Log.RecordAsync(owner, AuditAction.ConnectionAdded, "Main", workspaceId: team, cancellationToken: Token);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Reader.ReadAsync(member.Id, team, new AuditQuery(), Token));

        Assert.Equal(1, (await Reader.ReadAsync(owner, team, new AuditQuery { Action = AuditAction.ConnectionAdded }, Token)).TotalCount);
    }

    [Fact]
    public async Task A_refused_read_is_itself_in_the_teams_log()
    {
        var (team, owner) = await portal.NewTeamAsync();
        var viewer = await portal.NewMemberAsync(team, owner, WorkspaceRole.Viewer);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Reader.ReadAsync(viewer.Id, team, new AuditQuery(), Token));

        var denied = await Reader.ReadAsync(owner, team, new AuditQuery { Action = AuditAction.AccessDenied }, Token);
        var entry = Assert.Single(denied.Rows);
        Assert.Equal(viewer.Email, entry.ActorEmail);
        Assert.Contains(nameof(PortalPermission.ViewAudit), entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_member_cannot_read_a_teams_log()
    {
        var (team, _) = await portal.NewTeamAsync();
        var stranger = await portal.NewPersonAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => Reader.ReadAsync(stranger.Id, team, new AuditQuery(), Token));
    }

    [Fact]
    public async Task A_range_that_ends_before_it_starts_is_refused_with_a_message()
    {
        var me = await portal.NewPersonAsync();
        var now = portal.Clock.GetUtcNow();

        var refused = await Assert.ThrowsAsync<AuditQueryException>(() =>
            Reader.ReadAsync(me.Id, null, new AuditQuery { From = now, To = now.AddDays(-1) }, Token));

        Assert.Contains("'from'", refused.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await scope.DisposeAsync();
}

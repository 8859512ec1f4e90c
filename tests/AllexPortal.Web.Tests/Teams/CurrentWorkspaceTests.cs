using AllexPortal.Web.Access;
using AllexPortal.Web.Data;
using AllexPortal.Web.Teams;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Tests.Teams;

/// <summary><see cref="CurrentWorkspace"/> over the real access checks and database: switching, remembering, falling back.</summary>
public sealed class CurrentWorkspaceTests(TeamsPortal portal) : IClassFixture<TeamsPortal>
{
    [Fact]
    public async Task A_new_user_starts_in_their_personal_workspace()
    {
        var user = await portal.NewPersonAsync();
        await using var scope = portal.Services.CreateAsyncScope();

        var grant = await Circuit(scope, user.Id).LoadAsync(TestContext.Current.CancellationToken);

        Assert.Equal((null, "Personal", WorkspaceRole.Owner), (grant.WorkspaceId, grant.Name, grant.Role));
    }

    [Fact]
    public async Task Switching_to_a_team_tells_listeners_and_is_remembered_in_the_next_circuit()
    {
        var team = await portal.TeamAsync("Fund", WorkspaceRole.Viewer);
        var viewer = team.Member(WorkspaceRole.Viewer);
        await using var scope = portal.Services.CreateAsyncScope();
        var circuit = Circuit(scope, viewer.Id);
        var told = 0;
        circuit.Changed += () => told++;

        await circuit.SwitchAsync(team.Id);

        Assert.Equal((team.Id, "Fund", WorkspaceRole.Viewer, 1), (circuit.Id, circuit.Name, circuit.Grant?.Role, told));
        await using var later = portal.Services.CreateAsyncScope();
        var next = await Circuit(later, viewer.Id).LoadAsync(TestContext.Current.CancellationToken);
        Assert.Equal(team.Id, next.WorkspaceId);
    }

    [Fact]
    public async Task Switching_to_a_team_the_user_is_not_in_is_refused_and_changes_nothing()
    {
        var team = await portal.TeamAsync("Someone else's");
        var outsider = await portal.NewPersonAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var circuit = Circuit(scope, outsider.Id);
        await circuit.LoadAsync(TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<AccessDeniedException>(() => circuit.SwitchAsync(team.Id));

        Assert.Null(circuit.Id);
        await using var db = await portal.DbAsync();
        Assert.Null(await db.Users.Where(u => u.Id == outsider.Id).Select(u => u.LastWorkspaceId).SingleAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_remembered_team_the_user_was_removed_from_falls_back_to_personal()
    {
        var team = await portal.TeamAsync("Club", WorkspaceRole.Trader);
        var trader = team.Member(WorkspaceRole.Trader);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await Circuit(scope, trader.Id).SwitchAsync(team.Id);
            await portal.Get<WorkspaceService>(scope).RemoveMemberAsync(team.Keyholder.Id, team.Id, trader.Id, TestContext.Current.CancellationToken);
        }

        await using var later = portal.Services.CreateAsyncScope();
        var grant = await Circuit(later, trader.Id).LoadAsync(TestContext.Current.CancellationToken);

        Assert.True(grant.IsPersonal);
    }

    private static CurrentWorkspace Circuit(AsyncServiceScope scope, string userId) => new(
        new SignedInAs(userId),
        scope.ServiceProvider.GetRequiredService<PortalAccess>(),
        scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDb>>(),
        scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>());
}

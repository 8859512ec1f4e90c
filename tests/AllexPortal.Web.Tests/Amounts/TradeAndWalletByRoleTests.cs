using AllexPortal.Web.Access;
using AllexPortal.Web.Amounts;
using AllexPortal.Web.Teams;
using AllexPortal.Web.Tests.Teams;
using AllexPortal.Web.Trading;
using AllexPortal.Web.Wallet;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Amounts;

/// <summary>
/// Issue 15, finding 2: the Trade and Deposit pages of a team's members. The services decide on the server what a role
/// without amounts receives: open orders without sizes, prices or fees, and no deposit addresses (a block explorer shows
/// the amounts sent to one); a Viewer receives both in full. The pages ask by the role the connection list reports.
/// </summary>
public sealed class TradeAndWalletByRoleTests(AmountsPortal portal) : IClassFixture<AmountsPortal>, IAsyncLifetime
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private Team team = null!;

    public async ValueTask InitializeAsync() => team = await portal.TeamAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Open_orders_with_their_figures_are_refused_to_a_viewer_without_amounts()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var placement = scope.ServiceProvider.GetRequiredService<OrderPlacement>();

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            placement.OpenOrdersAsync(team.Member(WorkspaceRole.ViewerWithoutAmounts).Id, team.ConnectionId, cancellationToken: Token));
    }

    [Fact]
    public async Task A_viewer_without_amounts_sees_open_orders_as_pair_side_type_and_filled_percent()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var placement = scope.ServiceProvider.GetRequiredService<OrderPlacement>();

        var blind = await placement.OpenOrderActivityAsync(team.Member(WorkspaceRole.ViewerWithoutAmounts).Id, team.ConnectionId, cancellationToken: Token);
        var full = await placement.OpenOrdersAsync(team.Member(WorkspaceRole.Viewer).Id, team.ConnectionId, cancellationToken: Token);

        Assert.NotEmpty(full);
        Assert.Equal(full.Select(o => (o.Symbol, o.Side)), blind.Select(o => (o.Symbol, o.Side)));
        Assert.All(blind, o => Assert.InRange(o.FilledPercent!.Value, 0m, 100m));
    }

    [Fact]
    public void An_open_order_without_amounts_has_no_field_that_holds_an_amount()
    {
        var numbers = typeof(OpenOrderActivity).GetProperties()
            .Where(p => Nullable.GetUnderlyingType(p.PropertyType) is { } inner ? inner == typeof(decimal) : p.PropertyType == typeof(decimal))
            .Select(p => p.Name);

        Assert.Equal(["FilledPercent"], numbers);
    }

    [Fact]
    public async Task Deposit_addresses_of_a_team_connection_are_refused_to_a_viewer_without_amounts_and_read_for_a_viewer()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var addresses = scope.ServiceProvider.GetRequiredService<DepositAddresses>();

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            addresses.ExistingAsync(team.Member(WorkspaceRole.ViewerWithoutAmounts).Id, team.ConnectionId, Token));
        Assert.NotEmpty(await addresses.ExistingAsync(team.Member(WorkspaceRole.Viewer).Id, team.ConnectionId, Token));
    }

    [Fact]
    public async Task The_connection_list_tells_the_pages_whether_the_role_shows_amounts()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var opener = scope.ServiceProvider.GetRequiredService<ConnectionOpener>();

        var blind = Assert.Single(await opener.ListAsync(team.Member(WorkspaceRole.ViewerWithoutAmounts).Id, team.Id, Token));
        var viewer = Assert.Single(await opener.ListAsync(team.Member(WorkspaceRole.Viewer).Id, team.Id, Token));

        Assert.False(blind.RoleShowsAmounts);
        Assert.True(viewer.RoleShowsAmounts);
    }
}
